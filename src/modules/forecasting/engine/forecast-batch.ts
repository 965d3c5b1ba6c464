import type { ForecastOptions, ItemForecast, SeriesInput } from './forecast-types.js';
import type { Fitter } from './forecast-series.js';
import { forecastSeries } from './forecast-series.js';

/** Forecasts items one after another in the calling thread (the worker's loop). */
export function forecastBatch(series: SeriesInput[], options: ForecastOptions, fit?: Fitter): ItemForecast[] {
  return series.map((s) => forecastSeries(s, options, fit));
}
