import type { ItemQuality } from './forecast-types.js';
import type { Forecast } from './model.js';

/** Quality of an item that had no backtest (history too short): every ratio null, every sum 0. */
export function emptyQuality(): ItemQuality {
  return {
    mape: null,
    wape: null,
    mase: null,
    bias: null,
    holdoutDays: 0,
    absErrorSum: 0,
    actualSum: 0,
    forecastSum: 0,
    apeSum: 0,
    apeCount: 0,
    maseScale: 0,
    coverage80: null,
    coverage95: null,
  };
}

/**
 * In-sample MAE of the seasonal naive forecast (lag `seasonLength`, or lag 1 when the training part
 * is shorter than two seasons): the MASE denominator (Hyndman & Koehler 2006).
 */
export function seasonalNaiveScale(train: Float64Array, seasonLength: number): number {
  const lag = train.length > seasonLength ? seasonLength : 1;
  let sum = 0;
  let count = 0;
  for (let t = lag; t < train.length; t++) {
    sum += Math.abs(train[t]! - train[t - lag]!);
    count++;
  }
  return count > 0 ? sum / count : 0;
}

/** Compares a backtest forecast with the held-out actuals. */
export function measureQuality(
  train: Float64Array,
  actual: Float64Array,
  forecast: Forecast,
  seasonLength: number,
): ItemQuality {
  const h = actual.length;
  let absErrorSum = 0;
  let actualSum = 0;
  let forecastSum = 0;
  let apeSum = 0;
  let apeCount = 0;
  let in80 = 0;
  let in95 = 0;
  for (let i = 0; i < h; i++) {
    const a = actual[i]!;
    const f = forecast.points[i]!;
    const err = Math.abs(f.units - a);
    absErrorSum += err;
    actualSum += a;
    forecastSum += f.units;
    if (a !== 0) {
      apeSum += err / Math.abs(a);
      apeCount++;
    }
    if (a >= f.lower80 && a <= f.upper80) in80++;
    if (a >= f.lower95 && a <= f.upper95) in95++;
  }
  const scale = seasonalNaiveScale(train, seasonLength);
  return {
    mape: finiteOrNull(apeCount > 0 ? apeSum / apeCount : null),
    wape: finiteOrNull(actualSum > 0 ? absErrorSum / actualSum : null),
    mase: finiteOrNull(h > 0 && scale > 0 ? absErrorSum / h / scale : null),
    bias: finiteOrNull(actualSum > 0 ? (forecastSum - actualSum) / actualSum : null),
    holdoutDays: h,
    absErrorSum,
    actualSum,
    forecastSum,
    apeSum,
    apeCount,
    maseScale: scale,
    coverage80: h > 0 ? in80 / h : null,
    coverage95: h > 0 ? in95 / h : null,
  };
}

/**
 * Overall quality of many items: MAPE, WAPE and bias as ratios of the summed parts (so an item
 * weighs by its volume), MASE as the mean of the items' MASE (the M-competition convention, since
 * each item has its own scale). Null where nothing defines it.
 */
export function aggregateQuality(
  items: ReadonlyArray<
    Pick<ItemQuality, 'absErrorSum' | 'actualSum' | 'forecastSum' | 'apeSum' | 'apeCount' | 'mase'>
  >,
): {
  mape: number | null;
  wape: number | null;
  mase: number | null;
  bias: number | null;
} {
  let absErrorSum = 0;
  let actualSum = 0;
  let forecastSum = 0;
  let apeSum = 0;
  let apeCount = 0;
  let maseSum = 0;
  let maseCount = 0;
  for (const q of items) {
    absErrorSum += q.absErrorSum;
    actualSum += q.actualSum;
    forecastSum += q.forecastSum;
    apeSum += q.apeSum;
    apeCount += q.apeCount;
    if (q.mase !== null) {
      maseSum += q.mase;
      maseCount++;
    }
  }
  return {
    mape: finiteOrNull(apeCount > 0 ? apeSum / apeCount : null),
    wape: finiteOrNull(actualSum > 0 ? absErrorSum / actualSum : null),
    mase: finiteOrNull(maseCount > 0 ? maseSum / maseCount : null),
    bias: finiteOrNull(actualSum > 0 ? (forecastSum - actualSum) / actualSum : null),
  };
}

function finiteOrNull(x: number | null): number | null {
  return x !== null && Number.isFinite(x) ? x : null;
}
