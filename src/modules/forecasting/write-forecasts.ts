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

const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/**
 * A float8[] in PostgreSQL's binary form (node-postgres sends a Buffer parameter as binary): a
 * chunk's forecast days travel without being printed and parsed as text.
 */
function float8ArrayBinary(values: Float64Array): Buffer {
  const buffer = Buffer.allocUnsafe(20 + values.length * 12);
  buffer.writeInt32BE(1, 0); // dimensions
  buffer.writeInt32BE(0, 4); // no nulls
  buffer.writeInt32BE(FLOAT8_OID, 8);
  buffer.writeInt32BE(values.length, 12);
  buffer.writeInt32BE(1, 16); // lower bound
  let at = 20;
  for (let i = 0; i < values.length; i++) {
    buffer.writeInt32BE(8, at);
    buffer.writeDoubleBE(values[i]!, at + 4);
    at += 12;
  }
  return buffer;
}

const FLOAT8_OID = 701;

/**
 * Writes one chunk's forecasts and quality rows and advances `items_done`, fenced on the count
 * this chunk started from: a second worker that raced it (a lost lease) writes nothing.
 * Returns false when the fence did not hold. Each item is one forecast row (its days as arrays)
 * and one quality row, all sent as column arrays in one statement, which goes with the COMMIT.
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
  const c = {
    item: [] as string[],
    method: [] as string[],
    model: [] as string[],
    first: [] as string[],
    last: [] as string[],
    offset: [] as number[],
    days: [] as number[],
    mape: [] as Array<number | null>,
    wape: [] as Array<number | null>,
    mase: [] as Array<number | null>,
    bias: [] as Array<number | null>,
    holdout: [] as number[],
    absError: [] as number[],
    actual: [] as number[],
    forecast: [] as number[],
    apeSum: [] as number[],
    apeCount: [] as number[],
    cov80: [] as Array<number | null>,
    cov95: [] as Array<number | null>,
  };
  let total = 0;
  for (const forecast of forecasts) total += forecast.points.length;
  const [units, l80, u80, l95, u95] = [0, 0, 0, 0, 0].map(() => new Float64Array(total));
  let at = 0;
  for (const forecast of forecasts) {
    const history = seriesOf.get(forecast.itemId);
    if (!history) continue;
    const start = dayAfter(history.firstDate, history.values.length);
    c.offset.push(at);
    c.days.push(forecast.points.length);
    for (const point of forecast.points) {
      const mean = nonNegative(point.units);
      units![at] = mean;
      l80![at] = Math.min(mean, nonNegative(point.lower80));
      u80![at] = Math.max(mean, nonNegative(point.upper80));
      l95![at] = Math.min(mean, nonNegative(point.lower95));
      u95![at] = Math.max(mean, nonNegative(point.upper95));
      at++;
    }
    const q = forecast.quality;
    c.item.push(forecast.itemId);
    c.method.push(forecast.method);
    c.model.push(forecast.model.slice(0, 500));
    c.first.push(day(start));
    c.last.push(day(start - DAY_MS));
    c.mape.push(finiteOrNull(q.mape));
    c.wape.push(finiteOrNull(q.wape));
    c.mase.push(finiteOrNull(q.mase));
    c.bias.push(finiteOrNull(q.bias));
    c.holdout.push(q.holdoutDays);
    c.absError.push(nonNegative(q.absErrorSum));
    c.actual.push(nonNegative(q.actualSum));
    c.forecast.push(nonNegative(q.forecastSum));
    c.apeSum.push(nonNegative(q.apeSum));
    c.apeCount.push(q.apeCount);
    c.cov80.push(finiteOrNull(q.coverage80));
    c.cov95.push(finiteOrNull(q.coverage95));
  }
  if (c.item.length === 0) return true;
  const points = sql.id(scope.schema, 'forecast_points');
  const quality = sql.id(scope.schema, 'forecast_item_quality');
  // Its answer is not needed: it goes in the COMMIT's round trip (a failure still rolls back the chunk).
  const write = sql`
    with items as (
      select * from unnest(
        ${c.item}::text[], ${c.method}::text[], ${c.model}::text[], ${c.first}::date[], ${c.last}::date[],
        ${c.offset}::int[], ${c.days}::int[],
        ${c.mape}::float8[], ${c.wape}::float8[], ${c.mase}::float8[], ${c.bias}::float8[],
        ${c.holdout}::int[], ${c.absError}::float8[], ${c.actual}::float8[], ${c.forecast}::float8[],
        ${c.apeSum}::float8[], ${c.apeCount}::int[], ${c.cov80}::float8[], ${c.cov95}::float8[]
      ) as i(item_id, method, model, first_date, last_date, at, days, mape, wape,
             mase, bias, holdout_days, abs_error_sum, actual_sum, forecast_sum, ape_sum, ape_count,
             coverage_80, coverage_95)
    ), written as (
      insert into ${points}
        (tenant_id, run_id, item_id, first_date, units, lower_80, upper_80, lower_95, upper_95, method)
      select ${scope.tenantId}::text, ${runId}::uuid, item_id, first_date,
             (${float8ArrayBinary(units!)}::float8[])[at + 1 : at + days],
             (${float8ArrayBinary(l80!)}::float8[])[at + 1 : at + days],
             (${float8ArrayBinary(u80!)}::float8[])[at + 1 : at + days],
             (${float8ArrayBinary(l95!)}::float8[])[at + 1 : at + days],
             (${float8ArrayBinary(u95!)}::float8[])[at + 1 : at + days], method
        from items
    )
    insert into ${quality}
      (tenant_id, run_id, item_id, method, model, last_date, mape, wape, mase, bias, holdout_days,
       abs_error_sum, actual_sum, forecast_sum, ape_sum, ape_count, coverage_80, coverage_95)
    select ${scope.tenantId}::text, ${runId}::uuid, item_id, method, model, last_date, mape, wape, mase,
           bias, holdout_days, abs_error_sum, actual_sum, forecast_sum, ape_sum, ape_count, coverage_80,
           coverage_95
      from items`;
  scope.sendWithCommit(write.compile(scope.db));
  return true;
}
