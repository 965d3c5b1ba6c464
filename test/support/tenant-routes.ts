import type { FastifySchema, RouteOptions } from 'fastify';
import type { TSchema } from '@sinclair/typebox';

/** A route that only runs inside a tenant, as the isolation suites address it. */
export interface TenantRoute {
  method: string;
  /** Full path with its parameter, e.g. `/api/v1/deployments/:id`. */
  url: string;
  /** The route's path parameter naming one row (`id`), or undefined for a collection route. */
  param: string | undefined;
  /** Path of the collection the row belongs to, e.g. `/api/v1/deployments`. */
  collection: string;
  body: TSchema | undefined;
  /** The module that registered it and the feature that gates it. */
  module: string | undefined;
  feature: string | null | undefined;
  label: string;
}

/**
 * Records every route the app registers (pass `onRoute` to startTestInstance), so the suites find
 * a newly registered module's routes without being edited.
 */
export function routeCollector(): {
  onRoute: (route: RouteOptions) => void;
  tenantRoutes: () => TenantRoute[];
} {
  // References, not copies: hooks that run after ours (a module's feature tag) still mutate them.
  const seen: RouteOptions[] = [];
  return {
    onRoute: (route) => void seen.push(route),
    tenantRoutes: () => seen.filter((route) => route.config?.tenant === 'required').flatMap(toTenantRoutes),
  };
}

function toTenantRoutes(route: RouteOptions): TenantRoute[] {
  const methods = Array.isArray(route.method) ? route.method : [route.method];
  const params = route.url.match(/:[A-Za-z_][A-Za-z0-9_]*/g) ?? [];
  if (params.length > 1) {
    throw new Error(`the isolation suites cannot address ${route.url} yet: it has several path parameters`);
  }
  const param = params[0]?.slice(1);
  const collection = param ? route.url.slice(0, route.url.indexOf(`/:${param}`)) : route.url;
  const schema = route.schema as FastifySchema | undefined;
  return methods
    .filter((method) => method !== 'HEAD') // Fastify's automatic copy of each GET
    .map((method) => ({
      method,
      url: route.url,
      param,
      collection,
      body: schema?.body as TSchema | undefined,
      module: route.config?.module,
      feature: route.config?.feature,
      label: `${method} ${route.url}`,
    }));
}

/** The route's path with its parameter filled in. */
export function pathOf(route: TenantRoute, id?: string): string {
  if (!route.param) return route.url;
  if (id === undefined) throw new Error(`${route.label} needs a row id`);
  return route.url.replace(`:${route.param}`, encodeURIComponent(id));
}
