import { type RawBuilder, sql } from 'kysely';
import type { TenantScope } from '../../tenancy/tenant-scope.js';
import {
  cursorLimit,
  decodeKeysetCursor,
  encodeKeysetCursor,
  keysetPage,
  wantsCursor,
} from '../listing/keyset-cursor.js';
import type { Page } from '../listing/paginate.js';
import type { ForecastsQuery } from './forecasting.schema.js';
import { getForecastRun } from './get-forecast-run.js';
import { pageOf, pageWindow } from './page-of.js';

export interface ForecastPointRow {
  item_id: string;
  date: string;
  units: number;
  lower_80: number;
  upper_80: number;
  lower_95: number;
  upper_95: number;
  method: string;
}

/** The one order of this list, and so the sort its cursors are made under. */
const SORT = 'item_id,date';

/**
 * A run's forecasts, by item then day (each item's row unfolded into its days); the run must be the
 * caller's. Cursor pages are keyset pages on (item_id, date), so items written while a client walks
 * the list never make it skip or repeat a day.
 */
export async function findRunForecasts(
  scope: TenantScope,
  runId: string,
  query: ForecastsQuery,
): Promise<Page<ForecastPointRow>> {
  const run = await getForecastRun(scope, runId);
  const table = sql.id(scope.schema, 'forecast_points');
  const onlyItem = query.item_id === undefined ? sql`` : sql`and p.item_id = ${query.item_id}`;
  const day = sql`p.first_date + (d.n - 1)::int`;
  const points = (after: RawBuilder<unknown>, limit: number, offset: number) =>
    sql<ForecastPointRow>`
      select p.item_id, to_char(${day}, 'YYYY-MM-DD') as date, d.units,
             d.lower_80, d.upper_80, d.lower_95, d.upper_95, p.method
        from ${table} p
       cross join lateral unnest(p.units, p.lower_80, p.upper_80, p.lower_95, p.upper_95)
             with ordinality as d(units, lower_80, upper_80, lower_95, upper_95, n)
       where p.tenant_id = ${scope.tenantId} and p.run_id = ${run.id} ${onlyItem} ${after}
       order by p.item_id, d.n
       limit ${limit} offset ${offset}`.execute(scope.db);

  if (wantsCursor(query)) {
    const limit = cursorLimit(query);
    let after = sql``;
    if (query.cursor) {
      const [item, date] = decodeKeysetCursor(query.cursor, SORT, ['string', 'day']);
      after = sql`and p.item_id >= ${item}::text
                  and (p.item_id > ${item}::text or ${day} > ${date}::date)`;
    }
    const rows = await points(after, limit + 1, 0);
    return keysetPage(rows.rows, limit, (last) => encodeKeysetCursor(SORT, [last.item_id, last.date]));
  }
  const { perPage, offset } = pageWindow(query);
  const [count, rows] = await Promise.all([
    sql<{ total: string }>`
      select coalesce(sum(cardinality(p.units)), 0)::text as total from ${table} p
       where p.tenant_id = ${scope.tenantId} and p.run_id = ${run.id} ${onlyItem}`.execute(scope.db),
    points(sql``, perPage, offset),
  ]);
  return pageOf(rows.rows, query, count.rows[0]?.total ?? 0);
}
