import { sql } from 'kysely';
import type { TenantScope } from '../../tenancy/tenant-scope.js';
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

/** A run's forecasts, by item then day (each item's row unfolded into its days); the run must be the caller's. */
export async function findRunForecasts(
  scope: TenantScope,
  runId: string,
  query: ForecastsQuery,
): Promise<Page<ForecastPointRow>> {
  const run = await getForecastRun(scope, runId);
  const table = sql.id(scope.schema, 'forecast_points');
  const onlyItem = query.item_id === undefined ? sql`` : sql`and p.item_id = ${query.item_id}`;
  const { perPage, offset } = pageWindow(query);
  const [count, rows] = await Promise.all([
    sql<{ total: string }>`
      select coalesce(sum(cardinality(p.units)), 0)::text as total from ${table} p
       where p.tenant_id = ${scope.tenantId} and p.run_id = ${run.id} ${onlyItem}`.execute(scope.db),
    sql<ForecastPointRow>`
      select p.item_id, to_char(p.first_date + (d.n - 1)::int, 'YYYY-MM-DD') as date, d.units,
             d.lower_80, d.upper_80, d.lower_95, d.upper_95, p.method
        from ${table} p
       cross join lateral unnest(p.units, p.lower_80, p.upper_80, p.lower_95, p.upper_95)
             with ordinality as d(units, lower_80, upper_80, lower_95, upper_95, n)
       where p.tenant_id = ${scope.tenantId} and p.run_id = ${run.id} ${onlyItem}
       order by p.item_id, d.n
       limit ${perPage} offset ${offset}`.execute(scope.db),
  ]);
  return pageOf(rows.rows, query, count.rows[0]?.total ?? 0);
}
