import { sql } from 'kysely';
import type { TenantScope } from '../../tenancy/tenant-scope.js';
import {
  cursorLimit,
  type KeysetSort,
  decodeKeysetCursor,
  encodeKeysetCursor,
  keysetPage,
  wantsCursor,
} from '../listing/keyset-cursor.js';
import type { Page } from '../listing/paginate.js';
import type { DemandItemsQuery } from './forecasting.schema.js';
import { pageOf, pageWindow } from './page-of.js';
import { containing } from '../listing/like-pattern.js';

export interface DemandItemRow {
  item_id: string;
  days: number;
  first_date: string;
  last_date: string;
  total_units: number;
}

type ItemSort = NonNullable<DemandItemsQuery['sort']>;

const TOTAL = sql`sum(units_sold)::float8`;
const LAST = sql`max(date)`;
const SORTS: Record<ItemSort, KeysetSort<DemandItemRow>> = {
  item_id: { value: null, descending: false, kind: 'string', of: (r) => r.item_id },
  '-item_id': { value: null, descending: true, kind: 'string', of: (r) => r.item_id },
  total_units: { value: TOTAL, descending: false, kind: 'number', of: (r) => r.total_units },
  '-total_units': { value: TOTAL, descending: true, kind: 'number', of: (r) => r.total_units },
  last_date: { value: LAST, descending: false, kind: 'day', of: (r) => r.last_date },
  '-last_date': { value: LAST, descending: true, kind: 'day', of: (r) => r.last_date },
};

/**
 * One line per item with its history's extent and volume; `q` searches item ids. Ties of a sort's
 * value go by item id ascending, and cursor pages are keyset pages on (value, item_id).
 */
export async function findDemandItems(
  scope: TenantScope,
  query: DemandItemsQuery,
): Promise<Page<DemandItemRow>> {
  let base = scope.db.selectFrom('ts_demand_daily').where('tenant_id', '=', scope.tenantId);
  if (query.q) base = base.where('item_id', 'ilike', containing(query.q));
  const sortName = query.sort ?? 'item_id';
  const sort = SORTS[sortName];
  const direction = sort.descending ? 'desc' : 'asc';
  const items = (b: typeof base) => {
    const grouped = b
      .select([
        'item_id',
        sql<number>`count(*)::int`.as('days'),
        sql<string>`to_char(min(date), 'YYYY-MM-DD')`.as('first_date'),
        sql<string>`to_char(max(date), 'YYYY-MM-DD')`.as('last_date'),
        sql<number>`${TOTAL}`.as('total_units'),
      ])
      .groupBy('item_id');
    return sort.value
      ? grouped.orderBy(sort.value, direction).orderBy('item_id', 'asc')
      : grouped.orderBy('item_id', direction);
  };

  if (wantsCursor(query)) {
    const limit = cursorLimit(query);
    let page = items(base);
    if (query.cursor) {
      const [value, item] = decodeKeysetCursor(query.cursor, sortName, [sort.kind, 'string']);
      const op = sort.descending ? sql`<` : sql`>`;
      if (!sort.value) {
        page = items(base.where(sql<boolean>`item_id ${op} ${value}::text`));
      } else {
        const bound = sort.kind === 'number' ? sql`${value}::float8` : sql`${value}::date`;
        page = page.having(
          sql<boolean>`(${sort.value} ${op} ${bound} or (${sort.value} = ${bound} and item_id > ${item}::text))`,
        );
      }
    }
    const rows = await page.limit(limit + 1).execute();
    return keysetPage(rows, limit, (last) => encodeKeysetCursor(sortName, [sort.of(last), last.item_id]));
  }
  const { perPage, offset } = pageWindow(query);
  const [count, rows] = await Promise.all([
    base.select(sql<string>`count(distinct item_id)`.as('total')).executeTakeFirstOrThrow(),
    items(base).limit(perPage).offset(offset).execute(),
  ]);
  return pageOf(rows, query, count.total);
}
