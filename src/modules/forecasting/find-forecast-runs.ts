import type { TenantScope } from '../../tenancy/tenant-scope.js';
import { type Page, paginate } from '../listing/paginate.js';
import { type ForecastRunRow, RUN_COLUMNS } from './forecast-run-row.js';
import { RUN_STATUSES } from './forecasting.tables.js';
import type { RunsQuery } from './forecasting.schema.js';

/**
 * Runs, newest first by default, with SPEC §5's filters, sorts and page or cursor pagination. A run
 * has no name: `q` searches its `method` and `sort=name`/`-name` order by it.
 */
export function findForecastRuns(scope: TenantScope, query: RunsQuery): Promise<Page<ForecastRunRow>> {
  const base = scope.db
    .selectFrom('forecast_runs')
    .select(RUN_COLUMNS)
    .where('tenant_id', '=', scope.tenantId);
  return paginate(base, query, { list: 'forecast-runs', name: 'method', statuses: RUN_STATUSES });
}
