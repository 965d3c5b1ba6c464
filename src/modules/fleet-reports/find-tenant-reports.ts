import { type Kysely, sql } from 'kysely';
import type { PlatformDatabase } from '../../db/platform-database.js';
import type {
  ReportColumn,
  TenantReport,
  TenantReportCsvQuery,
  TenantReportQuery,
} from './fleet-reports.schema.js';
import './fleet-reports.tables.js';

const start = (db: Kysely<PlatformDatabase>) =>
  db.selectFrom('platform.tenants as t').leftJoin('platform.tenant_reports as r', 'r.tenant_id', 't.id');
type ReportQuery = ReturnType<typeof start>;

/** The SQL behind each sortable column; report numbers read 0 until the tenant's first rollup. */
const COLUMN_SQL: Record<ReportColumn, string> = {
  tenant_id: 't.id',
  name: 't.name',
  tier: 't.tier',
  isolation: 't.isolation',
  status: 't.status',
  users: 'coalesce(r.users, 0)',
  storage_bytes: 'coalesce(r.storage_bytes, 0)',
  requests_24h: 'coalesce(r.requests_24h, 0)',
  errors_24h: 'coalesce(r.errors_24h, 0)',
  p95_ms_24h: 'r.p95_ms_24h',
  last_active_at: 'r.last_active_at',
};

function filtered(db: Kysely<PlatformDatabase>, query: TenantReportCsvQuery): ReportQuery {
  let base = start(db);
  // Deleted tenants stay in the registry (their ids are never reused); shown only when asked for.
  base = query.status ? base.where('t.status', '=', query.status) : base.where('t.status', '<>', 'deleted');
  if (query.tier) base = base.where('t.tier', '=', query.tier);
  if (query.isolation) base = base.where('t.isolation', '=', query.isolation);
  if (query.q) {
    const pattern = `%${query.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    base = base.where((eb) => eb.or([eb('t.id', 'ilike', pattern), eb('t.name', 'ilike', pattern)]));
  }
  return base;
}

function selected(base: ReportQuery, sort: string | undefined) {
  const column = (sort?.replace(/^-/, '') ?? 'requests_24h') as ReportColumn;
  const direction = sort ? (sort.startsWith('-') ? 'desc' : 'asc') : 'desc';
  return base
    .select([
      't.id as tenant_id',
      't.name',
      't.tier',
      't.isolation',
      't.status',
      sql<number>`coalesce(r.users, 0)`.as('users'),
      sql<string>`coalesce(r.storage_bytes, 0)`.as('storage_bytes'),
      sql<string>`coalesce(r.requests_24h, 0)`.as('requests_24h'),
      sql<string>`coalesce(r.errors_24h, 0)`.as('errors_24h'),
      sql<string>`coalesce(r.server_errors_24h, 0)`.as('server_errors_24h'),
      sql<number | null>`r.p95_ms_24h`.as('p95_ms_24h'),
      sql<Date | null>`r.last_active_at`.as('last_active_at'),
    ])
    .orderBy(sql`${sql.raw(COLUMN_SQL[column])} ${sql.raw(direction)} nulls last`)
    .orderBy('t.id');
}

function toReport(row: {
  tenant_id: string;
  name: string;
  tier: string;
  isolation: string;
  status: string;
  users: number;
  storage_bytes: string;
  requests_24h: string;
  errors_24h: string;
  server_errors_24h: string;
  p95_ms_24h: number | null;
  last_active_at: Date | null;
}): TenantReport {
  return {
    ...row,
    users: Number(row.users),
    storage_bytes: Number(row.storage_bytes),
    requests_24h: Number(row.requests_24h),
    errors_24h: Number(row.errors_24h),
    server_errors_24h: Number(row.server_errors_24h),
    last_active_at: row.last_active_at?.toISOString() ?? null,
  };
}

/** When the last rollup ran, which every report answer carries as `as_of`. */
export async function reportsAsOf(db: Kysely<PlatformDatabase>): Promise<string | null> {
  const row = await db.selectFrom('platform.fleet_rollups').select('as_of').executeTakeFirst();
  return row ? new Date(row.as_of).toISOString() : null;
}

/** One page of the per-tenant report, every tenant whatever its model, sorted on any column. */
export async function findTenantReports(db: Kysely<PlatformDatabase>, query: TenantReportQuery) {
  const page = query.page ?? 1;
  const perPage = query.per_page ?? 25;
  const base = filtered(db, query);
  const [rows, count, asOf] = await Promise.all([
    selected(base, query.sort)
      .limit(perPage)
      .offset((page - 1) * perPage)
      .execute(),
    base.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
    reportsAsOf(db),
  ]);
  const total = Number(count.n);
  const totalPages = Math.ceil(total / perPage);
  return {
    rows: rows.map(toReport),
    pagination: {
      page,
      per_page: perPage,
      total,
      total_pages: totalPages,
      has_next: page < totalPages,
      has_prev: page > 1,
    },
    asOf,
  };
}

/** Every matching row, `batch` at a time, for the CSV download. */
export async function* allTenantReports(
  db: Kysely<PlatformDatabase>,
  query: TenantReportCsvQuery,
  batch = 1000,
): AsyncGenerator<TenantReport[]> {
  for (let offset = 0; ; offset += batch) {
    const rows = await selected(filtered(db, query), query.sort).limit(batch).offset(offset).execute();
    if (rows.length > 0) yield rows.map(toReport);
    if (rows.length < batch) return;
  }
}
