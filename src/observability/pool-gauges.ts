import type { Tenancy } from '../tenancy/tenancy.js';
import type { Metrics } from './metrics.js';

/** Connection pool sizes and waits, read at scrape time (pool and schema share the platform pool). */
export function registerPoolGauges(metrics: Metrics, tenancy: Tenancy): void {
  metrics.gauge(
    'tenantbase_db_pool_connections',
    'Connections of the database pools by pool and state',
    ['pool', 'state'],
    () => {
      const app = tenancy.appPool;
      return [
        [{ pool: 'platform', state: 'total' }, app.totalCount],
        [{ pool: 'platform', state: 'idle' }, app.idleCount],
        [{ pool: 'platform', state: 'waiting' }, app.waitingCount],
        [{ pool: 'tenant_databases', state: 'total' }, tenancy.tenantDatabases.openConnections],
      ];
    },
  );
  metrics.gauge('tenantbase_db_tenant_pools_open', 'Tenant database pools currently open', [], () => [
    [{}, tenancy.tenantDatabases.openPools],
  ]);
}
