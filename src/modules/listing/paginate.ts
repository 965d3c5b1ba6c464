import { type SelectQueryBuilder, sql } from 'kysely';
import { AppError } from '../../errors.js';
import type { ListQuery, Page, Pagination } from './list-query.schema.js';
import { cursorLimit } from './keyset-cursor.js';
import { containing } from './like-pattern.js';

/** How a list route's table maps the generic filters and sorts. */
export interface ListColumns {
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

const badCursor = () =>
  new AppError('VALIDATION_FAILED', 'The request is invalid', {
    details: [{ path: 'cursor', message: 'not a cursor this list produced' }],
  });

function encodeCursor(key: SortKey, value: unknown, id: string): string {
  const v = value instanceof Date ? value.toISOString() : value;
  return Buffer.from(JSON.stringify({ s: key.column, d: key.descending, v, id })).toString('base64url');
}

function decodeCursor(cursor: string, key: SortKey): { v: string; id: string } {
  try {
    const parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as Record<string, unknown>;
    if (parsed.s !== key.column || parsed.d !== key.descending) throw badCursor();
    if (typeof parsed.v !== 'string' || typeof parsed.id !== 'string' || !/^[0-9a-f-]{36}$/.test(parsed.id)) {
      throw badCursor();
    }
    return { v: parsed.v, id: parsed.id };
  } catch {
    throw badCursor();
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
  if (query.cursor !== undefined && query.page !== undefined) {
    throw new AppError('VALIDATION_FAILED', 'The request is invalid', {
      details: [{ path: 'cursor', message: 'use either page or cursor, not both' }],
    });
  }
  let filtered = base;
  if (query.status !== undefined) filtered = filtered.where('status', '=', query.status);
  if (query.q) filtered = filtered.where(sql.ref(columns.name), 'ilike', containing(query.q));
  if (query.created_from) filtered = filtered.where('created_at', '>=', new Date(query.created_from));
  if (query.created_to) filtered = filtered.where('created_at', '<=', new Date(query.created_to));

  const key = sortKey(query.sort, columns);
  const direction = key.descending ? 'desc' : 'asc';
  const ordered = filtered.orderBy(sql.ref(key.column), direction).orderBy('id', direction);

  if (query.cursor !== undefined || (query.limit !== undefined && query.page === undefined)) {
    const limit = cursorLimit(query);
    let paged = ordered;
    if (query.cursor) {
      const after = decodeCursor(query.cursor, key);
      const value = key.column === 'created_at' ? new Date(after.v) : after.v;
      const op = key.descending ? sql`<` : sql`>`;
      paged = paged.where(sql<boolean>`(${sql.ref(key.column)}, id) ${op} (${value}, ${after.id}::uuid)`);
    }
    const rows = (await paged.limit(limit + 1).execute()) as Row[];
    const hasNext = rows.length > limit;
    const pageRows = rows.slice(0, limit);
    const last = pageRows[pageRows.length - 1] as (Row & Record<string, unknown>) | undefined;
    return {
      rows: pageRows,
      pagination: {
        cursor: hasNext && last ? encodeCursor(key, last[key.column], last.id) : null,
        limit,
        has_next: hasNext,
      },
    };
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
