import {
  createForecastEngine,
  type ForecastEngine,
  type ForecastOptions,
  type ItemForecast,
  type SeriesInput,
} from './engine/forecast-engine.js';

/**
 * The process's one forecast engine, whose worker threads start with the first run rather than
 * with every process (CLI commands and API-only processes never pay for them).
 */
export class LazyForecastEngine implements ForecastEngine {
  private engine: ForecastEngine | undefined;
  private closed = false;

  constructor(private readonly options: { threads?: number } = {}) {}

  forecast(series: SeriesInput[], options: ForecastOptions, signal?: AbortSignal): Promise<ItemForecast[]> {
    if (this.closed) return Promise.reject(new Error('the forecast engine is closed'));
    this.engine ??= createForecastEngine(this.options);
    return this.engine.forecast(series, options, signal);
  }

  stats(): { workers: number; busy: number; queued: number } {
    return this.engine?.stats() ?? { workers: 0, busy: 0, queued: 0 };
  }

  async close(): Promise<void> {
    this.closed = true;
    await this.engine?.close();
  }
}
