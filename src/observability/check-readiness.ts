import { sql } from 'kysely';
import type { TenantRecord } from '../tenancy/registry/tenant-record.js';
import type { Tenancy } from '../tenancy/tenancy.js';
import { type CheckStatus, probe } from './probe.js';

export type { CheckStatus } from './probe.js';

export interface Readiness {
  ready: boolean;
  checks: Record<string, CheckStatus>;
}

/** Opens a scope in the tenant's storage and reads one row count: storage, grants and migrations in one go. */
export function probeTenantStorage(tenancy: Tenancy, tenant: TenantRecord): Promise<CheckStatus> {
  return probe(() =>
    tenancy.withTenant(tenant, (scope) =>
      scope.db
        .selectFrom('users')
        .select(sql<string>`count(*)`.as('n'))
        .where('tenant_id', '=', scope.tenantId)
        .executeTakeFirst(),
    ),
  );
}

/**
 * Whether THIS process can serve: it is not shutting down, and its platform database answers
 * through its own pool in time (which also says the pool is free enough to hand out a
 * connection). Redis and placement servers are left out on purpose: every process shares
 * them, so failing readiness on them would take the whole fleet out of the balancer at once,
 * and the product degrades without them (limits fail open or closed, other tenants serve).
 */
export async function checkReadiness(tenancy: Tenancy, shuttingDown: boolean): Promise<Readiness> {
  const checks: Record<string, CheckStatus> = {
    accepting_requests: shuttingDown ? 'unavailable' : 'ok',
    platform_database: await probe(() => tenancy.appPool.query('select 1')),
  };
  return { ready: Object.values(checks).every((status) => status === 'ok'), checks };
}
