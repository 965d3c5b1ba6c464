import type { Redis } from 'ioredis';
import { Gauge } from 'prom-client';
import type { Tenancy } from '../tenancy/tenancy.js';
import type { Metrics } from './metrics.js';
import { probeDependencies } from './probe-dependencies.js';

/** `tenantbase_dependency_up`, asked at scrape time: where readiness no longer looks (Redis, placement servers). */
export function registerDependencyGauges(metrics: Metrics, tenancy: Tenancy, redis: Redis | undefined): void {
  new Gauge({
    name: 'tenantbase_dependency_up',
    help: 'Whether a shared dependency answered at scrape time (1) or not (0): redis, placement:<server>',
    labelNames: ['dependency'],
    registers: [metrics.registry],
    async collect() {
      const status = await probeDependencies(tenancy, redis);
      this.reset();
      if (status.redis !== 'not_configured') this.set({ dependency: 'redis' }, status.redis === 'ok' ? 1 : 0);
      for (const [name, up] of Object.entries(status.placement_servers))
        this.set({ dependency: `placement:${name}` }, up === 'ok' ? 1 : 0);
    },
  });
}
