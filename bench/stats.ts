/** Latency summary in milliseconds. */
export interface LatencySummary {
  p50: number;
  p95: number;
  p99: number;
  max: number;
  mean: number;
}

/** Nearest-rank percentile of ascending `sorted` (q in 0..1). */
export function percentile(sorted: Float64Array, q: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[rank]!;
}

/** Exact percentiles over every recorded response time of one or more runs. */
export function summarize(samples: Float64Array[]): LatencySummary {
  const length = samples.reduce((n, s) => n + s.length, 0);
  const all = new Float64Array(length);
  let offset = 0;
  let sum = 0;
  for (const part of samples) {
    all.set(part, offset);
    offset += part.length;
    for (const value of part) sum += value;
  }
  all.sort();
  return {
    p50: percentile(all, 0.5),
    p95: percentile(all, 0.95),
    p99: percentile(all, 0.99),
    max: length ? all[length - 1]! : Number.NaN,
    mean: length ? sum / length : Number.NaN,
  };
}
