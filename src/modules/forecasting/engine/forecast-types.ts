/** The engine's public types; `forecast-engine.ts` re-exports them. */
/** What a caller may ask for; `auto` picks per item among the fast methods, never ARIMA. */
export type RequestedMethod = 'auto' | 'seasonal_naive' | 'ets' | 'arima';

/** One item's daily history: one value per calendar day from `firstDate`, missing days already 0. */
export interface SeriesInput {
  itemId: string;
  firstDate: string;
  values: Float64Array;
}

/** Options shared by every item of one call. */
export interface ForecastOptions {
  method: RequestedMethod;
  /** Days to forecast after the last history day, 1–365. */
  horizon: number;
  /** Season length in days (7 = weekly). */
  seasonLength: number;
  /** Days held out at the end of the history for the quality backtest. */
  holdoutDays: number;
}

/** One forecast day; every number is finite and ≥ 0, and lower95 ≤ lower80 ≤ units ≤ upper80 ≤ upper95. */
export interface ForecastPoint {
  units: number;
  lower80: number;
  upper80: number;
  lower95: number;
  upper95: number;
}

/**
 * Backtest quality of one item, plus the sums that `aggregateQuality` adds up across items
 * (ratios of sums, not means of ratios, so large items weigh as they should in WAPE and bias).
 */
export interface ItemQuality {
  mape: number | null;
  wape: number | null;
  mase: number | null;
  bias: number | null;
  /** Days actually held out (less than asked for when the history is short; 0 = no backtest). */
  holdoutDays: number;
  absErrorSum: number;
  actualSum: number;
  forecastSum: number;
  apeSum: number;
  apeCount: number;
  /** In-sample seasonal-naive MAE of the training part (the MASE scale); 0 when undefined. */
  maseScale: number;
  /** Share of held-out actuals inside the 80% / 95% intervals (null without a backtest). */
  coverage80: number | null;
  coverage95: number | null;
}

/** The forecast of one item with the concrete method that made it. */
export interface ItemForecast {
  itemId: string;
  /** Concrete method: 'seasonal_naive' | 'naive' | 'ets' | 'ets_trend' | 'ets_damped' | 'ets_seasonal' | 'holt_winters' | 'holt_winters_damped' | 'croston_sba' | 'arima' | 'zero'. */
  method: string;
  /** Model detail for people, e.g. 'ETS(A,Ad,A) α=0.21 β=0.01 γ=0.05 φ=0.93' or 'ARIMA(1,1,1)'. */
  model: string;
  /** Set when the asked method failed for this item and a fallback produced the forecast. */
  fallbackReason?: string;
  points: ForecastPoint[];
  quality: ItemQuality;
}

/** Forecasts batches of items off the main event loop. */
export interface ForecastEngine {
  forecast(series: SeriesInput[], options: ForecastOptions, signal?: AbortSignal): Promise<ItemForecast[]>;
  close(): Promise<void>;
  /** Live threads, threads working, batches waiting: for health checks and tests. */
  stats(): { workers: number; busy: number; queued: number };
}

/** Options of `createForecastEngine`; `threads: 0` runs in the calling thread (tools and tests only). */
export interface ForecastEngineOptions {
  threads?: number;
  /** Items per worker message; default adapts to the batch size. */
  batchSize?: number;
  /** Worker entry module (tests swap in a faulty one); default `forecast-worker` beside this file. */
  workerUrl?: URL;
}
