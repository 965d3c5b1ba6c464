import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import { LabelledHistogram } from './labelled-histogram.js';
import { TenantLabels } from './tenant-labels.js';
import { TenantTraffic } from './tenant-traffic.js';

const LATENCY_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5];
const ISOLATION_LABELS = ['pool', 'schema', 'database'] as const;

/** Every Prometheus metric of one process, in its own registry (tests build several apps). */
export class Metrics {
  readonly registry = new Registry();
  readonly tenants: TenantLabels;
  /** Per-tenant counts for the fleet reports, flushed to the platform database (never labels). */
  readonly traffic = new TenantTraffic();

  readonly requests = new Counter({
    name: 'tenantbase_http_requests_total',
    help: 'HTTP requests by tenant, route, method and status',
    labelNames: ['tenant', 'route', 'method', 'status'] as const,
    registers: [this.registry],
  });
  readonly requestDuration = new Histogram({
    name: 'tenantbase_http_request_duration_seconds',
    help: 'HTTP request latency by tenant and route',
    labelNames: ['tenant', 'route', 'method'] as const,
    buckets: LATENCY_BUCKETS,
    registers: [this.registry],
  });
  readonly errors = new Counter({
    name: 'tenantbase_http_errors_total',
    help: 'Error responses by tenant, route and error code',
    labelNames: ['tenant', 'route', 'code'] as const,
    registers: [this.registry],
  });
  readonly queryDuration = new LabelledHistogram(
    'tenantbase_db_query_duration_seconds',
    'Duration of queries on tenant storage by isolation model',
    'isolation',
    ISOLATION_LABELS,
    LATENCY_BUCKETS,
    this.registry,
  );
  readonly scopeWait = new LabelledHistogram(
    'tenantbase_db_scope_wait_seconds',
    'Time a request waited for its tenant share of database work and a connection',
    'isolation',
    ISOLATION_LABELS,
    LATENCY_BUCKETS,
    this.registry,
  );
  readonly cacheLookups = new Counter({
    name: 'tenantbase_cache_lookups_total',
    help: 'Tenant cache lookups by result (hit, miss, rejected: a value of another tenant)',
    labelNames: ['tenant', 'result'] as const,
    registers: [this.registry],
  });
  readonly rateLimited = new Counter({
    name: 'tenantbase_rate_limit_rejections_total',
    help: 'Requests refused by a rate limit or quota',
    labelNames: ['tenant', 'limit'] as const,
    registers: [this.registry],
  });
  readonly limiterFailures = new Counter({
    name: 'tenantbase_rate_limit_backend_failures_total',
    help: 'Rate limit checks the shared store could not answer; general limits fail open, strict ones closed',
    labelNames: ['class'] as const,
    registers: [this.registry],
  });
  readonly auditSeals = new Counter({
    name: 'tenantbase_audit_seal_entries_total',
    help: 'Audit entries chained by the sealer (outcome sealed), and seal passes that failed (outcome failed)',
    labelNames: ['outcome'] as const,
    registers: [this.registry],
  });
  readonly jobs = new Counter({
    name: 'tenantbase_jobs_total',
    help: 'Background jobs by kind and outcome',
    labelNames: ['kind', 'outcome'] as const,
    registers: [this.registry],
  });

  constructor(options: { maxTenantLabels: number; defaultMetrics?: boolean }) {
    this.tenants = new TenantLabels(options.maxTenantLabels);
    if (options.defaultMetrics !== false)
      collectDefaultMetrics({ register: this.registry, prefix: 'tenantbase_' });
  }

  /** Registers a gauge whose value is read at scrape time. */
  gauge(
    name: string,
    help: string,
    labelNames: string[],
    read: () => Array<[Record<string, string>, number]>,
  ): void {
    new Gauge({
      name,
      help,
      labelNames,
      registers: [this.registry],
      collect() {
        this.reset();
        for (const [labels, value] of read()) this.set(labels, value);
      },
    });
  }
}
