import { type Kysely, sql } from 'kysely';
import type { PlatformDatabase } from '../../db/platform-database.js';
import type { Traffic, TrafficQuery, Trends, TrendQuery } from './fleet-reports.schema.js';
import { LATENCY_BOUNDS_MS, p95FromBuckets } from '../../observability/tenant-traffic.js';
import { BUCKET_COLUMNS } from './fleet-reports.tables.js';
import { reportsAsOf } from './find-tenant-reports.js';

interface TrendRow {
  day: string;
  tenants: string;
  active_tenants: string;
  users: string;
  storage_bytes: string;
  requests: string;
  errors: string;
  p95_ms: number | null;
}

/** Daily history of one tenant or the whole fleet, oldest first, from the rollup's daily rows. */
export async function findReportTrends(db: Kysely<PlatformDatabase>, query: TrendQuery): Promise<Trends> {
  const days = query.days ?? 30;
  const since = new Date(Date.now() - (days - 1) * 86_400_000).toISOString().slice(0, 10);
  const tenant = query.tenant ?? null;
  // The fleet's totals are kept per day by the rollup; one tenant's days are read by its key.
  const { rows } = await (
    tenant === null
      ? sql<TrendRow>`
        select to_char(day, 'YYYY-MM-DD') as day, tenants, active_tenants, users, storage_bytes, requests,
               errors, p95_ms
          from platform.fleet_report_days where day >= ${since}::date order by day`
      : sql<TrendRow>`
        select to_char(day, 'YYYY-MM-DD') as day, 1 as tenants, (requests > 0)::int as active_tenants, users,
               storage_bytes, requests, errors, p95_ms
          from platform.tenant_report_days where tenant_id = ${tenant} and day >= ${since}::date order by day`
  ).execute(db);
  return {
    days: rows.map((row) => ({
      day: row.day,
      tenants: Number(row.tenants),
      active_tenants: Number(row.active_tenants),
      users: Number(row.users),
      storage_bytes: Number(row.storage_bytes),
      requests: Number(row.requests),
      errors: Number(row.errors),
      p95_ms: row.p95_ms,
    })),
    as_of: await reportsAsOf(db),
  };
}

/**
 * Hourly requests, errors and p95 of one tenant or the whole fleet, as every process flushed them
 * (persisted: the console's traffic page survives a reload and sees every process).
 */
export async function findTenantTraffic(db: Kysely<PlatformDatabase>, query: TrafficQuery): Promise<Traffic> {
  const hours = query.hours ?? 24;
  const now = Date.now();
  const since = new Date(now - (now % 3_600_000) - (hours - 1) * 3_600_000);
  const tenant = query.tenant ?? null;
  const { rows } = await sql<Record<string, string | Date>>`
    select hour, sum(requests) as requests, sum(errors) as errors, sum(server_errors) as server_errors,
           ${sql.join(BUCKET_COLUMNS.map((column) => sql`sum(${sql.ref(column)}) as ${sql.ref(column)}`))}
      from platform.tenant_traffic_hourly
     where hour >= ${since} and (${tenant}::text is null or tenant_id = ${tenant})
     group by hour order by hour`.execute(db);
  return {
    hours: rows.map((row) => ({
      hour: new Date(row.hour!).toISOString(),
      requests: Number(row.requests),
      errors: Number(row.errors),
      server_errors: Number(row.server_errors),
      p95_ms: p95FromBuckets(BUCKET_COLUMNS.map((column) => Number(row[column]))),
    })),
    latency_bounds_ms: [...LATENCY_BOUNDS_MS],
  };
}
