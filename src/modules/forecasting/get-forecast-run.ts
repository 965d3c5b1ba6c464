import { findOrNotFound } from '../../errors.js';
import type { TenantScope } from '../../tenancy/tenant-scope.js';
import { type ForecastRunRow, RUN_COLUMNS } from './forecast-run-row.js';

/** One run; another tenant's is NOT_FOUND like a missing one. */
export function getForecastRun(scope: TenantScope, id: string): Promise<ForecastRunRow> {
  return findOrNotFound('Forecast run', id, (uuid) =>
    scope.db
      .selectFrom('forecast_runs')
      .select(RUN_COLUMNS)
      .where('tenant_id', '=', scope.tenantId)
      .where('id', '=', uuid)
      .executeTakeFirst(),
  );
}
