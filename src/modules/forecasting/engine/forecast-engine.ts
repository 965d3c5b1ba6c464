import { forecastBatch } from './forecast-batch.js';
import type { ForecastEngine, ForecastEngineOptions } from './forecast-types.js';
import { createWorkerPool } from './worker-pool.js';

export { aggregateQuality } from './quality.js';
export type {
  ForecastEngine,
  ForecastEngineOptions,
  ForecastOptions,
  ForecastPoint,
  ItemForecast,
  ItemQuality,
  RequestedMethod,
  SeriesInput,
} from './forecast-types.js';

/** A pool of worker threads fitting models; one engine per process is plenty. */
export function createForecastEngine(options: ForecastEngineOptions = {}): ForecastEngine {
  if (options.threads === 0) {
    return {
      forecast: async (series, forecastOptions, signal) => {
        signal?.throwIfAborted();
        return forecastBatch(series, forecastOptions);
      },
      close: async () => {},
      stats: () => ({ workers: 0, busy: 0, queued: 0 }),
    };
  }
  return createWorkerPool(options);
}
