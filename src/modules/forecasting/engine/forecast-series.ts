import { fitMethod } from './choose-method.js';
import type { ForecastOptions, ItemForecast, SeriesInput } from './forecast-types.js';
import type { FittedModel, Forecast } from './model.js';
import { fitNaive, fitSeasonalNaive } from './naive.js';
import { emptyQuality, measureQuality } from './quality.js';

/** Fits one history; tests replace it to make an item fail. */
export type Fitter = (y: Float64Array, options: ForecastOptions) => FittedModel;

const defaultFitter: Fitter = (y, options) => fitMethod(y, options.method, options.seasonLength);

/**
 * Forecasts one item: a holdout backtest for the quality numbers (choose and fit the model on all
 * but the last `holdoutDays`, forecast those days, compare), then the chosen model re-estimated on
 * the whole history (warm-started) for the returned points, so the backtest measures exactly the
 * procedure that made them. A method that throws for this item is replaced by the fallback (seasonal naive, or naive
 * on less than a season) and the reason kept: one bad item never fails a run.
 */
export function forecastSeries(
  input: SeriesInput,
  options: ForecastOptions,
  fit: Fitter = defaultFitter,
): ItemForecast {
  const y = sanitize(input.values);
  const m = Math.max(1, Math.round(options.seasonLength) || 7);
  const opts: ForecastOptions = { ...options, seasonLength: m };
  const horizon = effectiveHorizon(options);
  const n = y.length;
  const minTrain = Math.min(2 * m, Math.ceil(n / 2));
  const holdout = Math.max(0, Math.min(Math.round(options.holdoutDays) || 0, n - minTrain));
  let fallbackReason: string | undefined;

  const run = (
    history: Float64Array,
    h: number,
    chosen?: FittedModel,
  ): { model?: FittedModel; forecast: Forecast } => {
    try {
      const model = chosen?.refit ? chosen.refit(history) : fit(history, opts);
      return { model, forecast: model.forecast(h) };
    } catch (error) {
      fallbackReason ??= error instanceof Error ? error.message : String(error);
      return { forecast: fallbackModel(history, m).forecast(h) };
    }
  };

  let quality = emptyQuality();
  let chosen: FittedModel | undefined;
  if (holdout > 0) {
    const train = y.subarray(0, n - holdout);
    const backtest = run(train, holdout);
    chosen = backtest.model;
    quality = measureQuality(train, y.subarray(n - holdout), backtest.forecast, m);
  }
  const final = run(y, horizon, chosen).forecast;
  const result: ItemForecast = {
    itemId: input.itemId,
    method: final.method,
    model: final.model,
    points: final.points,
    quality,
  };
  if (fallbackReason !== undefined) result.fallbackReason = fallbackReason.slice(0, 200);
  return result;
}

/** Days forecast: `horizon` rounded into 1…365. */
export function effectiveHorizon(options: ForecastOptions): number {
  return Math.max(1, Math.min(365, Math.round(options.horizon) || 1));
}

/** The method used when the asked one fails: cheap, total, never throws. */
export function fallbackModel(y: Float64Array, m: number): FittedModel {
  return y.length >= m ? fitSeasonalNaive(y, m) : fitNaive(y);
}

/** Largest daily demand taken as it is; above it squares and sums could overflow a double. */
export const MAX_UNITS = 1e15;

/** Demand is finite, ≥ 0 and ≤ MAX_UNITS: NaN and negatives count as 0, larger values as MAX_UNITS. */
function sanitize(values: Float64Array): Float64Array {
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (!(v >= 0 && v <= MAX_UNITS)) {
      const copy = new Float64Array(values);
      for (let j = i; j < copy.length; j++) {
        const w = copy[j]!;
        copy[j] = w >= 0 ? Math.min(w, MAX_UNITS) : 0;
      }
      return copy;
    }
  }
  return values;
}
