import { sql } from 'kysely';
import type { TenantScope } from '../../tenancy/tenant-scope.js';
import type { ItemForecast, SeriesInput } from './engine/forecast-engine.js';

const DAY_MS = 86_400_000;

const nonNegative = (value: number) => (Number.isFinite(value) && value > 0 ? value : 0);
const finiteOrNull = (value: number | null) => (value === null || !Number.isFinite(value) ? null : value);

/** The day after `first` plus `count - 1` days, i.e. the first day after a series of `count` days. */
function dayAfter(first: string, count: number): number {
  return Date.parse(`${first}T00:00:00Z`) + count * DAY_MS;
}

/**
 * Writes one chunk's forecasts and quality rows and advances `items_done`, fenced on the count
 * this chunk started from: a second worker that raced it (a lost lease) writes nothing.
 * Returns false when the fence did not hold.
 */
export async function writeForecasts(
  scope: TenantScope,
  runId: string,
  doneBefore: number,
  series: SeriesInput[],
  forecasts: ItemForecast[],
  processed: number,
): Promise<boolean> {
  const advanced = await scope.db
    .updateTable('forecast_runs')
    .set((eb) => ({ items_done: eb('items_done', '+', processed) }))
    .where('tenant_id', '=', scope.tenantId)
    .where('id', '=', runId)
    .where('items_done', '=', doneBefore)
    .where('status', '=', 'running')
    .executeTakeFirst();
  if (advanced.numUpdatedRows === 0n) return false;
  const seriesOf = new Map(series.map((s) => [s.itemId, s]));
  const items: string[] = [];
  const dates: string[] = [];
  const columns = {
    units: [] as number[],
    l80: [] as number[],
    u80: [] as number[],
    l95: [] as number[],
    u95: [] as number[],
  };
  const methods: string[] = [];
  const quality: Array<Record<string, unknown>> = [];
  for (const forecast of forecasts) {
    const history = seriesOf.get(forecast.itemId);
    if (!history) continue;
    const start = dayAfter(history.firstDate, history.values.length);
    forecast.points.forEach((point, i) => {
      items.push(forecast.itemId);
      dates.push(new Date(start + i * DAY_MS).toISOString().slice(0, 10));
      const units = nonNegative(point.units);
      columns.units.push(units);
      columns.l80.push(Math.min(units, nonNegative(point.lower80)));
      columns.u80.push(Math.max(units, nonNegative(point.upper80)));
      columns.l95.push(Math.min(units, nonNegative(point.lower95)));
      columns.u95.push(Math.max(units, nonNegative(point.upper95)));
      methods.push(forecast.method);
    });
    const q = forecast.quality;
    quality.push({
      tenant_id: scope.tenantId,
      run_id: runId,
      item_id: forecast.itemId,
      method: forecast.method,
      model: forecast.model.slice(0, 500),
      last_date: new Date(start - DAY_MS).toISOString().slice(0, 10),
      mape: finiteOrNull(q.mape),
      wape: finiteOrNull(q.wape),
      mase: finiteOrNull(q.mase),
      bias: finiteOrNull(q.bias),
      holdout_days: q.holdoutDays,
      abs_error_sum: nonNegative(q.absErrorSum),
      actual_sum: nonNegative(q.actualSum),
      forecast_sum: nonNegative(q.forecastSum),
      ape_sum: nonNegative(q.apeSum),
      ape_count: q.apeCount,
      coverage_80: finiteOrNull(q.coverage80),
      coverage_95: finiteOrNull(q.coverage95),
    });
  }
  if (items.length > 0) {
    await scope.db
      .insertInto('forecast_points')
      .columns([
        'tenant_id',
        'run_id',
        'item_id',
        'date',
        'units',
        'lower_80',
        'upper_80',
        'lower_95',
        'upper_95',
        'method',
      ])
      .expression(
        sql`select ${scope.tenantId}::text, ${runId}::uuid, * from unnest(
          ${items}::text[], ${dates}::date[], ${columns.units}::float8[], ${columns.l80}::float8[],
          ${columns.u80}::float8[], ${columns.l95}::float8[], ${columns.u95}::float8[], ${methods}::text[])` as never,
      )
      .execute();
  }
  if (quality.length > 0)
    await scope.db
      .insertInto('forecast_item_quality')
      .values(quality as never)
      .execute();
  return true;
}
