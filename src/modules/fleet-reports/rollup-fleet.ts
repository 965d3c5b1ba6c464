import { sql } from 'kysely';
import { p95FromBuckets } from '../../observability/tenant-traffic.js';
import type { Tenancy } from '../../tenancy/tenancy.js';
import { countTenantUsers } from './count-tenant-users.js';
import { BUCKET_COLUMNS } from './fleet-reports.tables.js';

/** Hourly traffic rows are kept this long (the 24 h window and a margin). */
const KEEP_HOURS = 48;
/** Daily rows are kept this long: the 30-day trends. */
const KEEP_DAYS = 31;

interface Window {
  tenant_ids: string[];
  requests: number[];
  errors: number[];
  server_errors: number[];
  p95: Array<number | null>;
  last_at: Array<Date | null>;
}

const emptyWindow = (): Window => ({
  tenant_ids: [],
  requests: [],
  errors: [],
  server_errors: [],
  p95: [],
  last_at: [],
});

type Sums = Record<string, string | Date | null>;

/**
 * Per-tenant totals and p95 of the hourly rows of the last 24 h and of today, in one scan of the
 * hourly table (plain sums of columns), as parallel arrays for unnest.
 */
async function trafficWindows(tenancy: Tenancy, since24h: Date, today: Date): Promise<[Window, Window]> {
  const sums = (prefix: string, filter: ReturnType<typeof sql>) =>
    sql.join(
      ['requests', 'errors', 'server_errors', ...BUCKET_COLUMNS].map(
        (column) => sql`sum(${sql.ref(column)}) filter (where ${filter}) as ${sql.ref(`${prefix}${column}`)}`,
      ),
    );
  const isToday = sql`hour >= ${today}`;
  const { rows } = await sql<Sums>`
    select tenant_id, max(last_request_at) as last_at, max(last_request_at) filter (where ${isToday}) as t_last_at,
           ${sums('d_', sql`true`)}, ${sums('t_', isToday)}
      from platform.tenant_traffic_hourly where hour >= ${since24h < today ? since24h : today}
     group by tenant_id`.execute(tenancy.platformDb);
  const windows: [Window, Window] = [emptyWindow(), emptyWindow()];
  for (const row of rows) {
    (['d_', 't_'] as const).forEach((prefix, i) => {
      const requests = Number(row[`${prefix}requests`] ?? 0);
      if (requests === 0) return;
      const window = windows[i]!;
      window.tenant_ids.push(String(row.tenant_id));
      window.requests.push(requests);
      window.errors.push(Number(row[`${prefix}errors`] ?? 0));
      window.server_errors.push(Number(row[`${prefix}server_errors`] ?? 0));
      window.p95.push(p95FromBuckets(BUCKET_COLUMNS.map((column) => Number(row[`${prefix}${column}`] ?? 0))));
      window.last_at.push((prefix === 'd_' ? row.last_at : row.t_last_at) as Date | null);
    });
  }
  return windows;
}

const unnested = (w: Window) =>
  sql`unnest(${w.tenant_ids}::text[], ${w.requests}::bigint[], ${w.errors}::bigint[],
             ${w.server_errors}::bigint[], ${w.p95}::int[], ${w.last_at}::timestamptz[])
      as x(tenant_id, requests, errors, server_errors, p95, last_at)`;

export interface RollupOutcome {
  tenants: number;
  users_counted: number;
  as_of: string;
  duration_ms: number;
}

/**
 * One rollup of the fleet reports: the last 24 h of every process's flushed traffic per tenant,
 * its last measured storage and a user count (refreshed a bounded number at a time), written as
 * one row per tenant, plus today's row of the 30-day history. Set-based: a handful of
 * statements whatever the number of tenants; nothing here opens a tenant storage except the
 * bounded user counts.
 */
export async function rollupFleet(tenancy: Tenancy, now = new Date()): Promise<RollupOutcome> {
  const started = performance.now();
  const db = tenancy.platformDb;
  const hour = new Date(now.getTime() - (now.getTime() % 3_600_000));
  const dayStart = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
  const [day24, today] = await trafficWindows(tenancy, new Date(hour.getTime() - 23 * 3_600_000), dayStart);
  const written = await sql`
    insert into platform.tenant_reports as r (tenant_id, users, storage_bytes, requests_24h, errors_24h,
                                             server_errors_24h, p95_ms_24h, last_active_at, as_of)
    select t.id, 0, coalesce(u.storage_bytes, 0), coalesce(x.requests, 0), coalesce(x.errors, 0),
           coalesce(x.server_errors, 0), x.p95, x.last_at, ${now}
      from platform.tenants t
      left join platform.tenant_usage u on u.tenant_id = t.id
      left join ${unnested(day24)} on x.tenant_id = t.id
    on conflict (tenant_id) do update set
      storage_bytes = excluded.storage_bytes, requests_24h = excluded.requests_24h,
      errors_24h = excluded.errors_24h, server_errors_24h = excluded.server_errors_24h,
      p95_ms_24h = excluded.p95_ms_24h,
      last_active_at = greatest(r.last_active_at, excluded.last_active_at), as_of = excluded.as_of`.execute(
    db,
  );
  const usersCounted = await countTenantUsers(tenancy, now);

  const day = dayStart.toISOString().slice(0, 10);
  await sql`
    insert into platform.tenant_report_days as d (tenant_id, day, users, storage_bytes, requests, errors, p95_ms)
    select r.tenant_id, ${day}::date, r.users, r.storage_bytes, coalesce(x.requests, 0), coalesce(x.errors, 0), x.p95
      from platform.tenant_reports r
      join platform.tenants t on t.id = r.tenant_id and t.status <> 'deleted'
      left join ${unnested(today)} on x.tenant_id = r.tenant_id
    on conflict (tenant_id, day) do update set
      users = excluded.users, storage_bytes = excluded.storage_bytes, requests = excluded.requests,
      errors = excluded.errors, p95_ms = excluded.p95_ms`.execute(db);
  await sql`
    insert into platform.fleet_report_days as f (day, tenants, active_tenants, users, storage_bytes, requests, errors, p95_ms)
    select d.day, count(*), count(*) filter (where d.requests > 0), sum(d.users), sum(d.storage_bytes),
           sum(d.requests), sum(d.errors), max(d.p95_ms)
      from platform.tenant_report_days d
     where d.day = ${day}::date
     group by d.day
    on conflict (day) do update set
      tenants = excluded.tenants, active_tenants = excluded.active_tenants, users = excluded.users,
      storage_bytes = excluded.storage_bytes, requests = excluded.requests, errors = excluded.errors,
      p95_ms = excluded.p95_ms`.execute(db);
  await db
    .deleteFrom('platform.tenant_traffic_hourly')
    .where('hour', '<', new Date(hour.getTime() - KEEP_HOURS * 3_600_000))
    .execute();
  const oldest = new Date(dayStart.getTime() - KEEP_DAYS * 86_400_000).toISOString().slice(0, 10);
  await db.deleteFrom('platform.tenant_report_days').where('day', '<', oldest).execute();
  await db.deleteFrom('platform.fleet_report_days').where('day', '<', oldest).execute();
  const outcome = {
    tenants: Number(written.numAffectedRows ?? 0),
    users_counted: usersCounted,
    as_of: now.toISOString(),
    duration_ms: Math.round(performance.now() - started),
  };
  await db
    .insertInto('platform.fleet_rollups')
    .values({ id: true, as_of: now, tenants: outcome.tenants, duration_ms: outcome.duration_ms })
    .onConflict((oc) =>
      oc.column('id').doUpdateSet({ as_of: now, tenants: outcome.tenants, duration_ms: outcome.duration_ms }),
    )
    .execute();
  return outcome;
}
