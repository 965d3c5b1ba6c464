import { type SelectQueryBuilder, sql } from 'kysely';
import { AppError } from '../../errors.js';
import type { ListQuery, Page, Pagination } from './list-query.schema.js';
import {
  type CursorKind,
  cursorLimit,
  decodeKeysetCursor,
  encodeKeysetCursor,
  instantText,
  keysetPage,
  wantsCursor,
} from './keyset-cursor.js';
import { containing } from './like-pattern.js';

/** How a list route's table maps the generic filters and sorts. */
export interface ListColumns {
  /** The list's own name: its cursors carry it, so another list's cursor is refused. */
  list: string;
  /** Column searched by `q` and sorted by `name`. */
  name: string;
  statuses: readonly string[];
}

export type { Page };

type SortKey = { column: string; descending: boolean };

function sortKey(sort: ListQuery['sort'], columns: ListColumns): SortKey {
  switch (sort) {
    case 'created_at':
      return { column: 'created_at', descending: false };
    case 'name':
      return { column: columns.name, descending: false };
    case '-name':
      return { column: columns.name, descending: true };
    case 'status':
      return { column: 'status', descending: false };
    default:
      return { column: 'created_at', descending: true };
  }
}

/**
 * Applies the list routes' filters, sort and pagination to a query that already selects the caller's
 * rows. Cursor pages are keyset pages on (sort column, id): inserts never shift them.
 */
export async function paginate<Row extends { id: string; created_at: Date }>(
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  base: SelectQueryBuilder<any, any, Row>,
  query: ListQuery,
  columns: ListColumns,
): Promise<Page<Row>> {
  if (query.status !== undefined && !columns.statuses.includes(query.status)) {
    throw new AppError('VALIDATION_FAILED', 'The request is invalid', {
      details: [{ path: 'status', message: `expected one of ${columns.statuses.join(', ')}` }],
    });
  }
  const cursorMode = wantsCursor(query);
  let filtered = base;
  if (query.status !== undefined) filtered = filtered.where('status', '=', query.status);
  if (query.q) filtered = filtered.where(sql.ref(columns.name), 'ilike', containing(query.q));
  if (query.created_from) filtered = filtered.where('created_at', '>=', new Date(query.created_from));
  if (query.created_to) filtered = filtered.where('created_at', '<=', new Date(query.created_to));

  const key = sortKey(query.sort, columns);
  const direction = key.descending ? 'desc' : 'asc';
  const ordered = filtered.orderBy(sql.ref(key.column), direction).orderBy('id', direction);

  if (cursorMode) {
    const limit = cursorLimit(query);
    const sortName = `${columns.list}:${query.sort ?? '-created_at'}`;
    const kind: CursorKind = key.column === 'created_at' ? 'instant' : 'string';
    const column = sql.ref(key.column);
    let paged = ordered;
    if (query.cursor) {
      const [value, id] = decodeKeysetCursor(query.cursor, sortName, [kind, 'uuid']);
      const op = key.descending ? sql`<` : sql`>`;
      const bound = kind === 'instant' ? sql`${value}::timestamptz` : sql`${value}::text`;
      paged = paged.where(sql<boolean>`(${column}, id) ${op} (${bound}, ${id}::uuid)`);
    }
    const fetched = (await paged
      .select((kind === 'instant' ? instantText(column) : sql<string>`${column}::text`).as('cursor_value'))
      .limit(limit + 1)
      .execute()) as Array<Row & { cursor_value: string }>;
    const page = keysetPage(fetched, limit, (last) =>
      encodeKeysetCursor(sortName, [last.cursor_value, last.id]),
    );
    return { ...page, rows: page.rows.map(({ cursor_value: _, ...row }) => row as unknown as Row) };
  }

  const page = query.page ?? 1;
  const perPage = query.per_page ?? 20;
  const [countRow, rows] = await Promise.all([
    filtered
      .clearSelect()
      .select(sql<string>`count(*)`.as('total'))
      .executeTakeFirst() as Promise<{ total: string }>,
    ordered
      .limit(perPage)
      .offset((page - 1) * perPage)
      .execute() as Promise<Row[]>,
  ]);
  const total = Number(countRow?.total ?? 0);
  return { rows, pagination: pagePagination(page, perPage, total) };
}

/** The page-mode `pagination` block of a list answer for `total` rows. */
export function pagePagination(page: number, perPage: number, total: number): Pagination {
  const totalPages = Math.ceil(total / perPage);
  return {
    page,
    per_page: perPage,
    total,
    total_pages: totalPages,
    has_next: page < totalPages,
    has_prev: page > 1,
  };
}
