import { AppError } from '../../errors.js';
import type { TenantScope } from '../../tenancy/tenant-scope.js';
import { normalQuantile } from './normal-quantile.js';

export interface InventoryAdvice {
  item_id: string;
  lead_time_days: number;
  service_level: number;
  lead_time_demand: number;
  safety_stock: number;
  reorder_point: number;
  run_id: string;
  method: string;
  sigma_daily: number;
  z: number;
}

/** z of the 95% interval: the forecast's own σ per day is (upper_95 − units) / Z95. */
const Z95 = 1.959963984540054;
/** E|e| = σ·√(2/π) for normal errors, so σ ≈ 1.2533 · MAE. */
const SIGMA_PER_MAE = Math.sqrt(Math.PI / 2);

const round = (value: number) => Math.round(value * 1000) / 1000;

/**
 * Reorder advice from the latest done run that covers the item (README "Forecasting"):
 * lead-time demand D_L = Σ_{t≤L} ŷ_t; σ_L = max(√Σ_{t≤L} σ_t², σ_h·√L) with σ_t from the 95%
 * interval of day t and σ_h = 1.2533 · the holdout MAE (the backtest's own error, so a model
 * too sure of itself is corrected); safety stock SS = z(service level) · σ_L; reorder point D_L + SS.
 */
export async function getInventory(
  scope: TenantScope,
  itemId: string,
  input: { lead_time_days?: number; service_level?: number },
): Promise<InventoryAdvice> {
  const latest = await scope.db
    .selectFrom('forecast_item_quality as q')
    .innerJoin('forecast_runs as r', (join) =>
      join.onRef('r.tenant_id', '=', 'q.tenant_id').onRef('r.id', '=', 'q.run_id'),
    )
    .select(['q.run_id', 'q.method', 'q.abs_error_sum', 'q.holdout_days', 'r.horizon_days'])
    .where('q.tenant_id', '=', scope.tenantId)
    .where('r.tenant_id', '=', scope.tenantId)
    .where('q.item_id', '=', itemId)
    .where('r.status', '=', 'done')
    .orderBy('r.created_at', 'desc')
    .orderBy('r.id', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (!latest) throw new AppError('NOT_FOUND', 'No finished forecast covers this item');
  const leadTime = input.lead_time_days ?? Math.min(7, latest.horizon_days);
  if (leadTime > latest.horizon_days) {
    throw new AppError('VALIDATION_FAILED', 'The request is invalid', {
      details: [
        {
          path: 'querystring.lead_time_days',
          message: `must be at most the run's horizon (${latest.horizon_days} days)`,
        },
      ],
    });
  }
  const serviceLevel = input.service_level ?? 0.95;
  const forecast = await scope.db
    .selectFrom('forecast_points')
    .select(['units', 'upper_95'])
    .where('tenant_id', '=', scope.tenantId)
    .where('run_id', '=', latest.run_id)
    .where('item_id', '=', itemId)
    .executeTakeFirst();
  let demand = 0;
  let variance = 0;
  const days = Math.min(leadTime, forecast?.units.length ?? 0);
  for (let i = 0; i < days; i++) {
    const units = forecast!.units[i]!;
    demand += units;
    variance += ((forecast!.upper_95[i]! - units) / Z95) ** 2;
  }
  const holdoutSigma =
    latest.holdout_days > 0 ? (SIGMA_PER_MAE * latest.abs_error_sum) / latest.holdout_days : 0;
  const sigmaLeadTime = Math.max(Math.sqrt(variance), holdoutSigma * Math.sqrt(leadTime));
  const z = normalQuantile(serviceLevel);
  const safety = Math.max(0, z * sigmaLeadTime);
  return {
    item_id: itemId,
    lead_time_days: leadTime,
    service_level: serviceLevel,
    lead_time_demand: round(demand),
    safety_stock: round(safety),
    reorder_point: round(demand + safety),
    run_id: latest.run_id,
    method: latest.method,
    sigma_daily: round(sigmaLeadTime / Math.sqrt(leadTime)),
    z: round(z),
  };
}
