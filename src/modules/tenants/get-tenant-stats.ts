import { sql } from 'kysely';
import type { TenantRecord } from '../../tenancy/registry/tenant-record.js';
import type { TenantScope } from '../../tenancy/tenant-scope.js';
import { effectiveLimits } from '../../tenancy/tiers.js';
import type { StorageUsage } from '../../tenancy/usage/storage-usage.js';

/**
 * Seed 003 stats: counts by status and usage against the tier's limits. Storage is the last
 * measurement (`storage` from the platform database), null until the tenant was first measured.
 */
export async function getTenantStats(scope: TenantScope, tenant: TenantRecord, storage?: StorageUsage) {
  const byStatus = async (table: 'deployments' | 'workflows') => {
    const rows = await scope.db
      .selectFrom(table)
      .select(['status', sql<string>`count(*)`.as('n')])
      .where('tenant_id', '=', scope.tenantId)
      .groupBy('status')
      .execute();
    const counts: Record<string, number> = {};
    for (const row of rows) counts[row.status] = Number(row.n);
    return { total: Object.values(counts).reduce((a, b) => a + b, 0), by_status: counts };
  };
  const [deployments, workflows, users] = await Promise.all([
    byStatus('deployments'),
    byStatus('workflows'),
    scope.db
      .selectFrom('users')
      .select(sql<string>`count(*)`.as('n'))
      .where('tenant_id', '=', scope.tenantId)
      .executeTakeFirstOrThrow(),
  ]);
  const limits = effectiveLimits(tenant.tier, tenant.limit_overrides);
  return {
    deployments,
    workflows,
    usage: {
      users: { used: Number(users.n), limit: limits.max_users },
      api_per_minute: { limit: limits.api_per_minute },
      storage_bytes: {
        used: storage?.storage_bytes ?? null,
        limit: limits.storage_bytes,
        measured_at: storage?.measured_at.toISOString() ?? null,
      },
    },
  };
}
