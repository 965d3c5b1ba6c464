import { type Kysely, sql } from 'kysely';
import type { PlatformDatabase } from '../../db/platform-database.js';
import {
  cursorLimit,
  type CursorValue,
  decodeKeysetCursor,
  encodeKeysetCursor,
  instantText,
  keysetPage,
  wantsCursor,
} from '../listing/keyset-cursor.js';
import { pagePagination } from '../listing/paginate.js';
import type { TenantReport, TenantReportCsvQuery, TenantReportQuery } from './fleet-reports.schema.js';
import './fleet-reports.tables.js';
import { COLUMN_SQL, CURSOR_KIND, type Order, orderOf, followsCursor } from './tenant-report-order.js';
import { containing } from '../listing/like-pattern.js';

const start = (db: Kysely<PlatformDatabase>) =>
  db.selectFrom('platform.tenants as t').leftJoin('platform.tenant_reports as r', 'r.tenant_id', 't.id');
type ReportQuery = ReturnType<typeof start>;

function filtered(db: Kysely<PlatformDatabase>, query: TenantReportCsvQuery): ReportQuery {
  let base = start(db);
  // Deleted tenants stay in the registry (their ids are never reused); shown only when asked for.
  base = query.status ? base.where('t.status', '=', query.status) : base.where('t.status', '<>', 'deleted');
  if (query.tier) base = base.where('t.tier', '=', query.tier);
  if (query.isolation) base = base.where('t.isolation', '=', query.isolation);
  if (query.q) {
    const pattern = containing(query.q);
    base = base.where((eb) => eb.or([eb('t.id', 'ilike', pattern), eb('t.name', 'ilike', pattern)]));
  }
  return base;
}

function selected(base: ReportQuery, order: Order) {
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
      instantText(sql.ref('r.last_active_at')).as('last_active_micros'),
    ])
    .orderBy(
      sql`${sql.raw(COLUMN_SQL[order.column])} ${sql.raw(order.descending ? 'desc' : 'asc')} nulls last`,
    )
    .orderBy('t.id');
}

type ReportRow = Awaited<ReturnType<ReturnType<typeof selected>['execute']>>[number];

/** The cursor after `row` in `order`: its value of the sort column (microseconds for a time) and id. */
function cursorAfter(row: ReportRow, order: Order): string {
  let value: CursorValue = row[order.column === 'last_active_at' ? 'last_active_micros' : order.column];
  if (value !== null && CURSOR_KIND[order.column].startsWith('number')) value = Number(value);
  return encodeKeysetCursor(order.sort, [value, row.tenant_id]);
}

function toReport({
  last_active_micros: _micros,
  ...row
}: {
  last_active_micros: string | null;
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

/** The rows of `order` after `cursor` (all from the first when null), at most `limit`. */
function rowsAfter(
  db: Kysely<PlatformDatabase>,
  query: TenantReportCsvQuery,
  order: Order,
  cursor: string | null,
  limit: number,
) {
  let base = filtered(db, query);
  if (cursor !== null) {
    const [value = null, id = null] = decodeKeysetCursor(cursor, order.sort, [
      CURSOR_KIND[order.column],
      'string',
    ]);
    base = base.where(followsCursor(order, value, id));
  }
  return selected(base, order).limit(limit).execute();
}

/**
 * One page of the per-tenant report, every tenant whatever its model, sorted on any column. Cursor
 * pages are keyset pages on (the sort column's value, tenant id), so tenants created during a walk
 * never make it skip or repeat one.
 */
export async function findTenantReports(db: Kysely<PlatformDatabase>, query: TenantReportQuery) {
  const order = orderOf(query.sort);
  if (wantsCursor(query)) {
    const limit = cursorLimit(query);
    const [fetched, asOf] = await Promise.all([
      rowsAfter(db, query, order, query.cursor || null, limit + 1),
      reportsAsOf(db),
    ]);
    const page = keysetPage(fetched, limit, (last) => cursorAfter(last, order));
    return { rows: page.rows.map(toReport), pagination: page.pagination, asOf };
  }
  const page = query.page ?? 1;
  const perPage = query.per_page ?? 20;
  const base = filtered(db, query);
  const [rows, count, asOf] = await Promise.all([
    selected(base, order)
      .limit(perPage)
      .offset((page - 1) * perPage)
      .execute(),
    base.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
    reportsAsOf(db),
  ]);
  return { rows: rows.map(toReport), pagination: pagePagination(page, perPage, Number(count.n)), asOf };
}

/** Every matching row, `batch` at a time (keyset batches, as the cursor pages), for the CSV download. */
export async function* allTenantReports(
  db: Kysely<PlatformDatabase>,
  query: TenantReportCsvQuery,
  batch = 1000,
): AsyncGenerator<TenantReport[]> {
  const order = orderOf(query.sort);
  for (let cursor: string | null = null; ;) {
    const rows = await rowsAfter(db, query, order, cursor, batch);
    if (rows.length > 0) yield rows.map(toReport);
    if (rows.length < batch) return;
    cursor = cursorAfter(rows[rows.length - 1]!, order);
  }
}
