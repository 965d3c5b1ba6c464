import { type Kysely, sql } from 'kysely';
import type { PlatformDatabase } from '../../db/platform-database.js';
import type { FleetSummary } from './fleet-reports.schema.js';
import { reportsAsOf } from './find-tenant-reports.js';

/** Tenant counts by status, tier and isolation (from the registry), and the rollup's fleet totals. */
export async function getFleetSummary(db: Kysely<PlatformDatabase>): Promise<FleetSummary> {
  const [groups, totals, asOf] = await Promise.all([
    sql<{ status: string; tier: string; isolation: string; n: string }>`
      select status, tier, isolation, count(*) as n from platform.tenants
       group by grouping sets ((status), (tier, status), (isolation, status))`.execute(db),
    sql<{ users: string; storage_bytes: string; requests_24h: string; errors_24h: string }>`
      select coalesce(sum(r.users), 0) as users, coalesce(sum(r.storage_bytes), 0) as storage_bytes,
             coalesce(sum(r.requests_24h), 0) as requests_24h, coalesce(sum(r.errors_24h), 0) as errors_24h
        from platform.tenant_reports r join platform.tenants t on t.id = r.tenant_id
       where t.status <> 'deleted'`.execute(db),
    reportsAsOf(db),
  ]);
  const byStatus: Record<string, number> = {};
  const byTier: Record<string, number> = {};
  const byIsolation: Record<string, number> = {};
  for (const row of groups.rows) {
    const n = Number(row.n);
    if (row.tier === null && row.isolation === null) byStatus[row.status] = n;
    // Tier and isolation counts leave deleted tenants out, like the report list.
    else if (row.status === 'deleted') continue;
    else if (row.tier !== null) byTier[row.tier] = (byTier[row.tier] ?? 0) + n;
    else byIsolation[row.isolation] = (byIsolation[row.isolation] ?? 0) + n;
  }
  const total = totals.rows[0]!;
  return {
    tenants_by_status: byStatus,
    tenants_by_tier: byTier,
    tenants_by_isolation: byIsolation,
    users: Number(total.users),
    storage_bytes: Number(total.storage_bytes),
    requests_24h: Number(total.requests_24h),
    errors_24h: Number(total.errors_24h),
    as_of: asOf,
  };
}
