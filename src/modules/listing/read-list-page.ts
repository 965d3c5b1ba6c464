import { type QueryExecutorProvider, type RawBuilder, type SelectQueryBuilder, sql } from 'kysely';
import {
  cursorLimit,
  type CursorKind,
  decodeKeysetCursor,
  encodeKeysetCursor,
  instantText,
  keysetPage,
  wantsCursor,
} from './keyset-cursor.js';
import type { Page } from './list-query.schema.js';
import { pagePagination } from './paginate.js';

/** The pagination fields of a list query (PageParams and CursorParams). */
export interface ListPageQuery {
  page?: number;
  per_page?: number;
  cursor?: string;
  limit?: number;
}

/**
 * One order of a list: the value it sorts by before the row's unique key (null: the key alone) and
 * its direction; `name` is what its cursors carry, so a cursor of another order is refused.
 */
export interface ListOrder {
  name: string;
  value: RawBuilder<unknown> | null;
  descending: boolean;
  kind: 'string' | 'number' | 'instant';
}

/** The order `name` on `column`, descending when the name starts with `-` (`-created_at`). */
export const listOrder = (name: string, column: string, kind: ListOrder['kind']): ListOrder => ({
  name,
  value: sql.ref(column),
  descending: name.startsWith('-'),
  kind,
});

/** The row's unique key, last in every order so equal sort values still have one order. */
export interface ListKey {
  column: RawBuilder<unknown>;
  type: 'text' | 'uuid';
}

const CAST = { string: 'text', number: 'numeric', instant: 'timestamptz' } as const;

type Listed<Row> = Row & { list_sort: unknown; list_key: string | null };

// A time travels at the microseconds PostgreSQL keeps: a JS Date's milliseconds would repeat rows.
const cursorText = (order: ListOrder) =>
  order.kind === 'instant' ? instantText(order.value ?? sql`null`) : (order.value ?? sql`null`);

function strip<Row>({ list_sort: _sort, list_key: _key, ...row }: Listed<Row>): Row {
  return row as Row;
}

/** The condition "after the cursor's row in `order`", its values checked before PostgreSQL casts them. */
function after(cursor: string, order: ListOrder, key: ListKey): RawBuilder<boolean> {
  const keyKind: CursorKind = key.type === 'uuid' ? 'uuid' : 'string';
  const kinds: CursorKind[] = order.value ? [order.kind, keyKind] : [keyKind];
  const values = decodeKeysetCursor(cursor, order.name, kinds);
  const last = values[values.length - 1] as string;
  const op = sql.raw(order.descending ? '<' : '>');
  const keyBound = sql`${last}::${sql.raw(key.type)}`;
  if (!order.value) return sql<boolean>`${key.column} ${op} ${keyBound}`;
  const bound = sql`${values[0]}::${sql.raw(CAST[order.kind])}`;
  return sql<boolean>`(${order.value}, ${key.column}) ${op} (${bound}, ${keyBound})`;
}

/**
 * A page of `base` (the caller's rows, filters applied) in `order`: by page with its total, or by
 * keyset cursor. A page and its total come from one statement, one snapshot, so a row committed
 * meanwhile cannot be in the rows and missing from the count; cursor pages never skip or repeat a
 * row when rows are inserted.
 */
export async function readListPage<DB, TB extends keyof DB, Row>(
  db: QueryExecutorProvider,
  base: SelectQueryBuilder<DB, TB, object>,
  select: (query: SelectQueryBuilder<DB, TB, object>) => SelectQueryBuilder<DB, TB, Row>,
  query: ListPageQuery,
  order: ListOrder,
  key: ListKey,
): Promise<Page<Row>> {
  const direction = order.descending ? 'desc' : 'asc';
  const listed = (from: SelectQueryBuilder<DB, TB, object>) => {
    const selected = select(from).select([
      cursorText(order).as('list_sort'),
      sql<string>`${key.column}::text`.as('list_key'),
    ]);
    return (order.value ? selected.orderBy(order.value, direction) : selected).orderBy(key.column, direction);
  };

  if (wantsCursor(query)) {
    const limit = cursorLimit(query);
    // An empty `cursor=` is the first page.
    const from = query.cursor ? base.where(after(query.cursor, order, key)) : base;
    const fetched = (await listed(from)
      .limit(limit + 1)
      .execute()) as Listed<Row>[];
    const page = keysetPage(fetched, limit, (last) => {
      const sorted = order.kind === 'number' ? Number(last.list_sort) : (last.list_sort as string);
      return encodeKeysetCursor(order.name, order.value ? [sorted, last.list_key] : [last.list_key]);
    });
    return { rows: page.rows.map(strip), pagination: page.pagination };
  }

  const page = query.page ?? 1;
  const perPage = query.per_page ?? 20;
  const counted = base.select(sql<string>`count(*)`.as('list_total'));
  const rows = listed(base)
    .limit(perPage)
    .offset((page - 1) * perPage);
  // A page past the end still answers its one count row, with nulls for the page's columns.
  const result = await sql<Listed<Row> & { list_total: string }>`
    select p.*, c.list_total from ${counted} as c left join lateral ${rows} as p on true`.execute(db);
  const total = Number(result.rows[0]?.list_total ?? 0);
  const found = result.rows.filter((row) => row.list_key !== null);
  return {
    rows: found.map(({ list_total: _total, ...row }) => strip(row as Listed<Row>)),
    pagination: pagePagination(page, perPage, total),
  };
}
