import type { ForecastOptions, ItemForecast, SeriesInput } from './forecast-types.js';
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

/**
 * A worker's answer: the batch's forecasts in order (their points packed five numbers a day into
 * one transferred buffer, far cheaper than cloning thousands of small objects), or why the batch
 * failed as a whole.
 */
export type BatchResponse =
  { id: number; results: ItemForecast[]; points: Float64Array<ArrayBuffer> } | { id: number; error: string };

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

/** The calling side: puts the packed points back on each result (in place). */
export function unpackResults(
  response: { results: ItemForecast[]; points: Float64Array },
  horizon: number,
): ItemForecast[] {
  let k = 0;
  const data = response.points;
  for (const r of response.results) {
    const points = new Array(horizon);
    for (let i = 0; i < horizon; i++) {
      points[i] = {
        units: data[k]!,
        lower80: data[k + 1]!,
        upper80: data[k + 2]!,
        lower95: data[k + 3]!,
        upper95: data[k + 4]!,
      };
      k += 5;
    }
    r.points = points;
  }
  return response.results;
}

/** The worker side: forecasts a batch; per-item failures are already absorbed by forecastSeries. */
export function handleBatch(request: BatchRequest, fit?: Fitter): BatchResponse {
  try {
    const results = forecastBatch(decodeBatch(request), request.options, fit);
    let total = 0;
    for (const r of results) total += r.points.length;
    const points = new Float64Array(total * 5);
    let k = 0;
    for (const r of results) {
      for (const p of r.points) {
        points[k++] = p.units;
        points[k++] = p.lower80;
        points[k++] = p.upper80;
        points[k++] = p.lower95;
        points[k++] = p.upper95;
      }
      r.points = [];
    }
    return { id: request.id, results, points };
  } catch (error) {
    return { id: request.id, error: error instanceof Error ? error.message : String(error) };
  }
}
