import type { FastifyInstance } from 'fastify';
import { AppError } from '../../errors.js';
import type { HttpServices } from '../http-services.js';
import { mayScrapeMetrics } from '../metrics-access.js';

/** Counts and times every request by tenant and route template (never the raw URL), and serves /metrics. */
export function requestMetricsPlugin(app: FastifyInstance, services: HttpServices): void {
  const { metrics } = services;

  app.addHook('onResponse', async (request, reply) => {
    const tenant = metrics.tenants.label(request.tenant?.id);
    const route = request.routeOptions.url ?? 'unmatched';
    const method = request.method;
    metrics.requests.inc({ tenant, route, method, status: String(reply.statusCode) });
    metrics.requestDuration.observe({ tenant, route, method }, reply.elapsedTime / 1000);
    if (reply.errorCode) metrics.errors.inc({ tenant, route, code: reply.errorCode });
    if (request.tenant) metrics.traffic.record(request.tenant.id, reply.statusCode, reply.elapsedTime);
  });

  app.get(
    '/metrics',
    { config: { public: true, scrapeToken: true }, schema: { hide: true } },
    async (request, reply) => {
      const allowed = mayScrapeMetrics(request, services.config);
      if (!allowed) throw new AppError('FORBIDDEN', 'Metrics are for operators');
      reply.type(metrics.registry.contentType);
      return metrics.registry.metrics();
    },
  );
}
