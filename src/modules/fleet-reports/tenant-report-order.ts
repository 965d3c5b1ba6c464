import { type RawBuilder, sql } from 'kysely';
import type { CursorKind, CursorValue } from '../listing/keyset-cursor.js';
import type { ReportColumn, TenantReportQuery } from './fleet-reports.schema.js';

/** The SQL behind each sortable column; report numbers read 0 until the tenant's first rollup. */
export const COLUMN_SQL: Record<ReportColumn, string> = {
  tenant_id: 't.id',
  name: 't.name',
  tier: 't.tier',
  isolation: 't.isolation',
  status: 't.status',
  users: 'coalesce(r.users, 0)',
  storage_bytes: 'coalesce(r.storage_bytes, 0)',
  requests_24h: 'coalesce(r.requests_24h, 0)',
  errors_24h: 'coalesce(r.errors_24h, 0)',
  server_errors_24h: 'coalesce(r.server_errors_24h, 0)',
  p95_ms_24h: 'r.p95_ms_24h',
  last_active_at: 'r.last_active_at',
};

/** How each column's value travels in a cursor; p95 and last activity are null until there is traffic. */
export const CURSOR_KIND: Record<ReportColumn, CursorKind> = {
  tenant_id: 'string',
  name: 'string',
  tier: 'string',
  isolation: 'string',
  status: 'string',
  users: 'number',
  storage_bytes: 'number',
  requests_24h: 'number',
  errors_24h: 'number',
  server_errors_24h: 'number',
  p95_ms_24h: 'number?',
  last_active_at: 'instant?',
};
const CAST = { string: 'text', number: 'numeric', day: 'date', instant: 'timestamptz' } as const;

type ReportSort = NonNullable<TenantReportQuery['sort']>;
/** A report sort taken apart: the sort as its cursors name it, its column and direction. */
export interface Order {
  sort: ReportSort;
  column: ReportColumn;
  descending: boolean;
}

/** The order of `sort`, `-requests_24h` (busiest first) by default. */
export function orderOf(sort: ReportSort = '-requests_24h'): Order {
  return { sort, column: sort.replace(/^-/, '') as ReportColumn, descending: sort.startsWith('-') };
}

/**
 * The rows after (`value`, `id`) in `order`: the list is ordered on the column with nulls last in
 * both directions, then on the tenant id ascending, so a null `value` leaves only the null region.
 */
export function followsCursor(order: Order, value: CursorValue, id: CursorValue): RawBuilder<boolean> {
  const column = sql.raw(COLUMN_SQL[order.column]);
  if (value === null) return sql<boolean>`(${column} is null and t.id > ${id}::text)`;
  const kind = CURSOR_KIND[order.column];
  const bound = sql`${value}::${sql.raw(CAST[kind.replace('?', '') as keyof typeof CAST])}`;
  const op = sql.raw(order.descending ? '<' : '>');
  const nulls = kind.endsWith('?') ? sql` or ${column} is null` : sql``;
  return sql<boolean>`(${column} ${op} ${bound} or (${column} = ${bound} and t.id > ${id}::text)${nulls})`;
}
