import type { TenantScope } from '../../tenancy/tenant-scope.js';
import { aggregateQuality } from './engine/forecast-engine.js';
import { getForecastRun } from './get-forecast-run.js';

interface QualityNumbers {
  mape: number | null;
  wape: number | null;
  mase: number | null;
  bias: number | null;
}

export interface RunQuality {
  run_id: string;
  overall: QualityNumbers;
  items: Array<QualityNumbers & { item_id: string; method: string; holdout_days: number }>;
}

const finite = (value: number | null): number | null =>
  value === null || !Number.isFinite(value) ? null : value;

/**
 * The holdout backtest of a run: per item as the engine measured it, overall pooled from the
 * items' sums (WAPE and bias over all units, MAPE over every non-zero actual day, MASE the mean
 * of the items' defined ones), never NaN: an undefined measure is null.
 */
export async function getRunQuality(scope: TenantScope, runId: string, itemId?: string): Promise<RunQuality> {
  const run = await getForecastRun(scope, runId);
  let query = scope.db
    .selectFrom('forecast_item_quality')
    .select([
      'item_id',
      'method',
      'mape',
      'wape',
      'mase',
      'bias',
      'holdout_days',
      'abs_error_sum',
      'actual_sum',
      'forecast_sum',
      'ape_sum',
      'ape_count',
    ])
    .where('tenant_id', '=', scope.tenantId)
    .where('run_id', '=', run.id)
    .orderBy('item_id');
  if (itemId !== undefined) query = query.where('item_id', '=', itemId);
  const rows = await query.execute();
  return {
    run_id: run.id,
    overall: aggregateQuality(
      rows.map((row) => ({
        absErrorSum: row.abs_error_sum,
        actualSum: row.actual_sum,
        forecastSum: row.forecast_sum,
        apeSum: row.ape_sum,
        apeCount: row.ape_count,
        mase: finite(row.mase),
      })),
    ),
    items: rows.map((row) => ({
      item_id: row.item_id,
      method: row.method,
      mape: finite(row.mape),
      wape: finite(row.wape),
      mase: finite(row.mase),
      bias: finite(row.bias),
      holdout_days: row.holdout_days,
    })),
  };
}
