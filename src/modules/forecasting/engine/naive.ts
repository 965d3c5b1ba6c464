import type { FittedModel } from './model.js';
import { aiccFromSse, normalPoints } from './model.js';

/**
 * Seasonal naive: each day repeats the same weekday of the last season. Intervals from the
 * in-sample lag-m residual variance σ², growing as σ²·(⌊(h−1)/m⌋+1) (each full season ahead adds
 * one more independent seasonal step). Needs at least one full season.
 */
export function fitSeasonalNaive(y: Float64Array, m: number, scoreFrom = m): FittedModel {
  const n = y.length;
  if (n < m || m < 1) throw new Error(`seasonal naive needs ${m} days, got ${n}`);
  let sse = 0;
  let count = 0;
  let scoredSse = 0;
  let scored = 0;
  for (let t = m; t < n; t++) {
    const e = y[t]! - y[t - m]!;
    sse += e * e;
    count++;
    if (t >= scoreFrom) {
      scoredSse += e * e;
      scored++;
    }
  }
  const sigma = count > 0 ? Math.sqrt(sse / count) : 0;
  return {
    method: 'seasonal_naive',
    model: `seasonal naive (m=${m})`,
    aicc: aiccFromSse(scoredSse, scored, 1),
    forecast(h) {
      const mean = new Float64Array(h);
      const sd = new Float64Array(h);
      for (let i = 0; i < h; i++) {
        mean[i] = y[n - m + (i % m)]!;
        sd[i] = sigma * Math.sqrt(Math.floor(i / m) + 1);
      }
      return { method: this.method, model: this.model, points: normalPoints(mean, sd) };
    },
  };
}

/** Naive (random walk): the last day repeated; variance σ²·h from the lag-1 residuals. */
export function fitNaive(y: Float64Array): FittedModel {
  const n = y.length;
  let sse = 0;
  for (let t = 1; t < n; t++) sse += (y[t]! - y[t - 1]!) ** 2;
  const sigma = n > 1 ? Math.sqrt(sse / (n - 1)) : 0;
  const last = n > 0 ? y[n - 1]! : 0;
  return {
    method: n > 0 ? 'naive' : 'zero',
    model: n > 0 ? 'naive (last value)' : 'no history: zero',
    aicc: Infinity,
    forecast(h) {
      const mean = new Float64Array(h).fill(last);
      const sd = new Float64Array(h);
      for (let i = 0; i < h; i++) sd[i] = sigma * Math.sqrt(i + 1);
      return { method: this.method, model: this.model, points: normalPoints(mean, sd) };
    },
  };
}
