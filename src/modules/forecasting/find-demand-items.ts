import { sql } from 'kysely';
import type { TenantScope } from '../../tenancy/tenant-scope.js';
import type { Page } from '../listing/paginate.js';
import type { DemandItemsQuery } from './forecasting.schema.js';
import { pageOf, pageWindow } from './page-of.js';

export interface DemandItemRow {
  item_id: string;
  days: number;
  first_date: string;
  last_date: string;
  total_units: number;
}

const ORDER: Record<string, string> = {
  item_id: 'item_id asc',
  '-item_id': 'item_id desc',
  total_units: 'total_units asc, item_id asc',
  '-total_units': 'total_units desc, item_id asc',
  last_date: 'last_date asc, item_id asc',
  '-last_date': 'last_date desc, item_id asc',
};

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** One line per item with its history's extent and volume; `q` searches item ids. */
export async function findDemandItems(
  scope: TenantScope,
  query: DemandItemsQuery,
): Promise<Page<DemandItemRow>> {
  let base = scope.db.selectFrom('ts_demand_daily').where('tenant_id', '=', scope.tenantId);
  if (query.q) base = base.where('item_id', 'ilike', `%${escapeLike(query.q)}%`);
  const { perPage, offset } = pageWindow(query);
  // The sort is one of ORDER's fixed strings (the schema admits only its keys).
  const order = sql.raw(ORDER[query.sort ?? 'item_id'] ?? ORDER.item_id!);
  const [count, rows] = await Promise.all([
    base.select(sql<string>`count(distinct item_id)`.as('total')).executeTakeFirstOrThrow(),
    base
      .select([
        'item_id',
        sql<number>`count(*)::int`.as('days'),
        sql<string>`to_char(min(date), 'YYYY-MM-DD')`.as('first_date'),
        sql<string>`to_char(max(date), 'YYYY-MM-DD')`.as('last_date'),
        sql<number>`sum(units_sold)::float8`.as('total_units'),
      ])
      .groupBy('item_id')
      .orderBy(order)
      .limit(perPage)
      .offset(offset)
      .execute(),
  ]);
  return pageOf(rows, query, count.total);
}
