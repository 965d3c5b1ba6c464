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

/** A run's forecasts, by item then day; the run must be the caller's. */
export async function findRunForecasts(
  scope: TenantScope,
  runId: string,
  query: ForecastsQuery,
): Promise<Page<ForecastPointRow>> {
  const run = await getForecastRun(scope, runId);
  let base = scope.db
    .selectFrom('forecast_points')
    .where('tenant_id', '=', scope.tenantId)
    .where('run_id', '=', run.id);
  if (query.item_id !== undefined) base = base.where('item_id', '=', query.item_id);
  const { perPage, offset } = pageWindow(query);
  const [count, rows] = await Promise.all([
    base.select(sql<string>`count(*)`.as('total')).executeTakeFirstOrThrow(),
    base
      .select([
        'item_id',
        sql<string>`to_char(date, 'YYYY-MM-DD')`.as('date'),
        'units',
        'lower_80',
        'upper_80',
        'lower_95',
        'upper_95',
        'method',
      ])
      .orderBy('item_id')
      .orderBy('date')
      .limit(perPage)
      .offset(offset)
      .execute(),
  ]);
  return pageOf(rows, query, count.total);
}
