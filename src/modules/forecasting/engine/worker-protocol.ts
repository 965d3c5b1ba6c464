import type { ForecastOptions, ItemForecast, SeriesInput } from './forecast-engine.js';
import { forecastBatch } from './forecast-batch.js';
import type { Fitter } from './forecast-series.js';

/**
 * One batch as sent to a worker: every history concatenated into one buffer (transferred, not
 * copied) so a message costs one transfer whatever the number of items, and the caller's arrays
 * stay usable.
 */
export interface BatchRequest {
  id: number;
  options: ForecastOptions;
  itemIds: string[];
  firstDates: string[];
  lengths: number[];
  data: Float64Array<ArrayBuffer>;
}

/** A worker's answer: the batch's forecasts in order, or why the batch failed as a whole. */
export type BatchResponse = { id: number; results: ItemForecast[] } | { id: number; error: string };

/** Packs a batch for `postMessage`; pass `[request.data.buffer]` as the transfer list. */
export function encodeBatch(id: number, series: SeriesInput[], options: ForecastOptions): BatchRequest {
  let total = 0;
  for (const s of series) total += s.values.length;
  const data = new Float64Array(total);
  const lengths: number[] = new Array(series.length);
  let offset = 0;
  series.forEach((s, i) => {
    data.set(s.values, offset);
    offset += s.values.length;
    lengths[i] = s.values.length;
  });
  return {
    id,
    options,
    itemIds: series.map((s) => s.itemId),
    firstDates: series.map((s) => s.firstDate),
    lengths,
    data,
  };
}

/** Unpacks a batch (views into the one buffer, no copies). */
export function decodeBatch(request: BatchRequest): SeriesInput[] {
  const series: SeriesInput[] = new Array(request.itemIds.length);
  let offset = 0;
  for (let i = 0; i < series.length; i++) {
    const length = request.lengths[i]!;
    series[i] = {
      itemId: request.itemIds[i]!,
      firstDate: request.firstDates[i]!,
      values: request.data.subarray(offset, offset + length),
    };
    offset += length;
  }
  return series;
}

/** The worker side: forecasts a batch; per-item failures are already absorbed by forecastSeries. */
export function handleBatch(request: BatchRequest, fit?: Fitter): BatchResponse {
  try {
    return { id: request.id, results: forecastBatch(decodeBatch(request), request.options, fit) };
  } catch (error) {
    return { id: request.id, error: error instanceof Error ? error.message : String(error) };
  }
}
