import { sql } from 'kysely';
import type { TenantScope } from '../../tenancy/tenant-scope.js';
import type { Page } from '../listing/paginate.js';
import { type ForecastRunRow, RUN_COLUMNS } from './forecast-run-row.js';
import type { RunsQuery } from './forecasting.schema.js';
import { pageOf, pageWindow } from './page-of.js';

/** Runs, newest first. */
export async function findForecastRuns(scope: TenantScope, query: RunsQuery): Promise<Page<ForecastRunRow>> {
  let base = scope.db.selectFrom('forecast_runs').where('tenant_id', '=', scope.tenantId);
  if (query.status) base = base.where('status', '=', query.status);
  const { perPage, offset } = pageWindow(query);
  const [count, rows] = await Promise.all([
    base.select(sql<string>`count(*)`.as('total')).executeTakeFirstOrThrow(),
    base
      .select(RUN_COLUMNS)
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .limit(perPage)
      .offset(offset)
      .execute(),
  ]);
  return pageOf(rows, query, count.total);
}
