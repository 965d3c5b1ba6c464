import { type Static, Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { dataEnvelope, sendData } from '../envelope.js';
import type { HttpServices } from '../http-services.js';

const TenantTraffic = Type.Object({
  tenant: Type.String({ description: 'tenant id, `none` (no tenant) or `other` (folded labels)' }),
  requests: Type.Number({ description: 'requests since the process started' }),
  errors: Type.Number({ description: 'error responses (any error code)' }),
  server_errors: Type.Number({ description: '5xx responses' }),
  duration_seconds_sum: Type.Number(),
  duration_count: Type.Number(),
  duration_buckets: Type.Array(Type.Object({ le: Type.Number(), count: Type.Number() }), {
    description: 'cumulative latency histogram, seconds',
  }),
});
type TenantTraffic = Static<typeof TenantTraffic>;

const ConsoleMetrics = Type.Object({
  sampled_at: Type.String({ format: 'date-time' }),
  tenants: Type.Array(TenantTraffic),
});

type Sample = { value: number; labels: Record<string, string | number>; metricName?: string };

function trafficOf(byTenant: Map<string, TenantTraffic>, tenant: string): TenantTraffic {
  let traffic = byTenant.get(tenant);
  if (!traffic) {
    traffic = {
      tenant,
      requests: 0,
      errors: 0,
      server_errors: 0,
      duration_seconds_sum: 0,
      duration_count: 0,
      duration_buckets: [],
    };
    byTenant.set(tenant, traffic);
  }
  return traffic;
}

function addBucket(traffic: TenantTraffic, le: number, count: number): void {
  const bucket = traffic.duration_buckets.find((b) => b.le === le);
  if (bucket) bucket.count += count;
  else traffic.duration_buckets.push({ le, count });
}

/**
 * Per-tenant totals of the request metrics (counters and the latency histogram, summed over
 * routes), for the platform console to sample and draw as rates over time. Totals, not rates:
 * the browser differences two samples, so nothing is kept per viewer on the server.
 */
export function consoleMetricsRoutes(app: FastifyInstance, services: HttpServices): void {
  const names = {
    requests: 'tenantbase_http_requests_total',
    errors: 'tenantbase_http_errors_total',
    duration: 'tenantbase_http_request_duration_seconds',
  };
  app.get(
    '/api/v1/console/metrics',
    {
      schema: {
        operationId: 'getConsoleMetrics',
        tags: ['console'],
        summary: 'Per-tenant request, error and latency totals of this server process',
        response: { 200: dataEnvelope(ConsoleMetrics) },
      },
      config: { platformAdmin: true },
    },
    async (_request, reply) => {
      const metrics = await services.metrics.registry.getMetricsAsJSON();
      const byTenant = new Map<string, TenantTraffic>();
      for (const metric of metrics) {
        if (!Object.values(names).includes(metric.name)) continue;
        for (const sample of metric.values as Sample[]) {
          const traffic = trafficOf(byTenant, String(sample.labels.tenant ?? 'none'));
          if (metric.name === names.requests) {
            traffic.requests += sample.value;
            if (String(sample.labels.status).startsWith('5')) traffic.server_errors += sample.value;
          } else if (metric.name === names.errors) {
            traffic.errors += sample.value;
          } else if (sample.metricName?.endsWith('_sum')) {
            traffic.duration_seconds_sum += sample.value;
          } else if (sample.metricName?.endsWith('_count')) {
            traffic.duration_count += sample.value;
          } else if (sample.metricName?.endsWith('_bucket')) {
            const le = sample.labels.le === '+Inf' ? Infinity : Number(sample.labels.le);
            if (Number.isFinite(le)) addBucket(traffic, le, sample.value);
          }
        }
      }
      const tenants = [...byTenant.values()].sort((a, b) => a.tenant.localeCompare(b.tenant));
      for (const traffic of tenants) traffic.duration_buckets.sort((a, b) => a.le - b.le);
      reply.header('Cache-Control', 'no-store');
      return sendData(reply, { sampled_at: new Date().toISOString(), tenants });
    },
  );
}
