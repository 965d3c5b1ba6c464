import type { Redis } from 'ioredis';
import { sql } from 'kysely';
import type { TenantRecord } from '../tenancy/registry/tenant-record.js';
import type { Tenancy } from '../tenancy/tenancy.js';
import type { TenantId } from '../tenancy/tenant-id.js';

export type CheckStatus = 'ok' | 'unavailable';

export interface Readiness {
  ready: boolean;
  checks: Record<string, CheckStatus>;
}

const TIMEOUT_MS = 2000;

async function probe(work: () => Promise<unknown>): Promise<CheckStatus> {
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      work(),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error('timeout')), TIMEOUT_MS);
      }),
    ]);
    return 'ok';
  } catch {
    return 'unavailable';
  } finally {
    clearTimeout(timer);
  }
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
 * Readiness: the platform database, Redis when configured, and one sampled active tenant per
 * isolation model, so a broken tenant server shows up without touching every tenant.
 */
export async function checkReadiness(tenancy: Tenancy, redis: Redis | undefined): Promise<Readiness> {
  const checks: Record<string, CheckStatus> = {};
  checks.platform_database = await probe(() => tenancy.appPool.query('select 1'));
  if (redis) checks.redis = await probe(() => redis.ping());
  if (checks.platform_database === 'ok') {
    const sample = await tenancy.platformDb
      .selectFrom('platform.tenants')
      .select(['id', 'isolation'])
      .distinctOn('isolation')
      .where('status', '=', 'active')
      .orderBy('isolation')
      .orderBy(sql`random()`)
      .execute()
      .catch(() => []);
    for (const { id, isolation } of sample) {
      const tenant = await tenancy.registry.find(id as TenantId);
      if (tenant) checks[`tenant_storage_${isolation}`] = await probeTenantStorage(tenancy, tenant);
    }
  }
  return { ready: Object.values(checks).every((status) => status === 'ok'), checks };
}
