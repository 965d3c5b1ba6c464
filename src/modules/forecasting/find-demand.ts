import { sql } from 'kysely';
import type { TenantScope } from '../../tenancy/tenant-scope.js';
import {
  cursorLimit,
  decodeKeysetCursor,
  encodeKeysetCursor,
  keysetPage,
  wantsCursor,
} from '../listing/keyset-cursor.js';
import type { Page } from '../listing/paginate.js';
import type { DemandQuery } from './forecasting.schema.js';
import { pageOf, pageWindow } from './page-of.js';

export interface DemandPointRow {
  item_id: string;
  date: string;
  units_sold: number;
}

/** The one order of this list, and so the sort its cursors are made under. */
const SORT = 'item_id,date';

/**
 * Demand history, by item then day; `from` and `to` are inclusive. Cursor pages are keyset pages
 * on (item_id, date), the table's key, so inserted days never make a walk skip or repeat one.
 */
export async function findDemand(scope: TenantScope, query: DemandQuery): Promise<Page<DemandPointRow>> {
  let base = scope.db.selectFrom('ts_demand_daily').where('tenant_id', '=', scope.tenantId);
  if (query.item_id !== undefined) base = base.where('item_id', '=', query.item_id);
  if (query.from !== undefined) base = base.where('date', '>=', query.from);
  if (query.to !== undefined) base = base.where('date', '<=', query.to);
  const rowsOf = (b: typeof base) =>
    b
      .select([
        'item_id',
        sql<string>`to_char(date, 'YYYY-MM-DD')`.as('date'),
        sql<number>`units_sold::float8`.as('units_sold'),
      ])
      .orderBy('item_id')
      .orderBy('date');

  if (wantsCursor(query)) {
    const limit = cursorLimit(query);
    let after = base;
    if (query.cursor) {
      const [item, day] = decodeKeysetCursor(query.cursor, SORT, ['string', 'day']);
      after = after.where(sql<boolean>`(item_id, date) > (${item}::text, ${day}::date)`);
    }
    const rows = await rowsOf(after)
      .limit(limit + 1)
      .execute();
    return keysetPage(rows, limit, (last) => encodeKeysetCursor(SORT, [last.item_id, last.date]));
  }
  const { perPage, offset } = pageWindow(query);
  const [count, rows] = await Promise.all([
    base.select(sql<string>`count(*)`.as('total')).executeTakeFirstOrThrow(),
    rowsOf(base).limit(perPage).offset(offset).execute(),
  ]);
  return pageOf(rows, query, count.total);
}
