import type { FastifySchema, RouteOptions } from 'fastify';
import { errorResponsesFor } from './error-responses.js';

type Schema = FastifySchema & { tags?: string[]; response?: Record<string, unknown> };

/**
 * @fastify/swagger `transform`: adds to a route's documented schema what the route does not
 * declare itself (its module as tag, its error responses). Only the document changes: the
 * schema Fastify validates and serializes with is left alone.
 */
export function documentRoute({
  schema,
  url,
  route,
}: {
  schema: FastifySchema;
  url: string;
  route: RouteOptions;
}): { schema: FastifySchema; url: string } {
  const own = (schema ?? {}) as Schema;
  const config = route.config ?? {};
  const method = Array.isArray(route.method) ? route.method[0]! : route.method;
  const tags = own.tags ?? [config.module ?? 'platform'];
  const response = { ...errorResponsesFor(method, config, own), ...own.response };
  // A public route needs no token: an empty requirement overrides the document-wide bearer.
  const security = config.public ? { security: [] } : {};
  return { schema: { ...own, tags, response, ...security } as FastifySchema, url };
}
