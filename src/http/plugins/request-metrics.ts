import type { FastifyInstance } from 'fastify';
import { AppError } from '../../errors.js';
import type { AppServices } from '../app-services.js';

const LOOPBACK = /^(127\.\d+\.\d+\.\d+|::1|::ffff:127\.\d+\.\d+\.\d+)$/;

/** Counts and times every request by tenant and route template (never the raw URL), and serves /metrics. */
export function requestMetricsPlugin(app: FastifyInstance, services: AppServices): void {
  const { metrics } = services;

  app.addHook('onResponse', async (request, reply) => {
    const tenant = metrics.tenants.label(request.tenant?.id);
    const route = request.routeOptions.url ?? 'unmatched';
    const method = request.method;
    metrics.requests.inc({ tenant, route, method, status: String(reply.statusCode) });
    metrics.requestDuration.observe({ tenant, route, method }, reply.elapsedTime / 1000);
    if (reply.errorCode) metrics.errors.inc({ tenant, route, code: reply.errorCode });
  });

  // Tenant ids are labels, so the scrape is for operators only: a platform administrator's
  // token, the INTERNAL_TOKEN, or (when no INTERNAL_TOKEN is set) a scraper on loopback.
  app.get('/metrics', { config: { public: true }, schema: { hide: true } }, async (request, reply) => {
    const { internalToken } = services.config;
    const allowed =
      request.principal?.kind === 'platform_admin' ||
      (internalToken !== undefined && request.headers['x-internal-token'] === internalToken) ||
      (internalToken === undefined && LOOPBACK.test(request.ip));
    if (!allowed) throw new AppError('FORBIDDEN', 'Metrics are for operators');
    reply.type(metrics.registry.contentType);
    return metrics.registry.metrics();
  });
}
