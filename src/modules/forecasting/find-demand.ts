import { sql } from 'kysely';
import type { TenantScope } from '../../tenancy/tenant-scope.js';
import type { Page } from '../listing/paginate.js';
import type { DemandQuery } from './forecasting.schema.js';
import { pageOf, pageWindow } from './page-of.js';

export interface DemandPointRow {
  item_id: string;
  date: string;
  units_sold: number;
}

/** Demand history, by item then day; `from` and `to` are inclusive. */
export async function findDemand(scope: TenantScope, query: DemandQuery): Promise<Page<DemandPointRow>> {
  let base = scope.db.selectFrom('ts_demand_daily').where('tenant_id', '=', scope.tenantId);
  if (query.item_id !== undefined) base = base.where('item_id', '=', query.item_id);
  if (query.from !== undefined) base = base.where('date', '>=', query.from);
  if (query.to !== undefined) base = base.where('date', '<=', query.to);
  const { perPage, offset } = pageWindow(query);
  const [count, rows] = await Promise.all([
    base.select(sql<string>`count(*)`.as('total')).executeTakeFirstOrThrow(),
    base
      .select([
        'item_id',
        sql<string>`to_char(date, 'YYYY-MM-DD')`.as('date'),
        sql<number>`units_sold::float8`.as('units_sold'),
      ])
      .orderBy('item_id')
      .orderBy('date')
      .limit(perPage)
      .offset(offset)
      .execute(),
  ]);
  return pageOf(rows, query, count.total);
}
