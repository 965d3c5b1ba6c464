import type { ForecastPoint } from './forecast-types.js';

/** A model's forecast over the horizon, with the concrete method that made it. */
export interface Forecast {
  method: string;
  model: string;
  points: ForecastPoint[];
}

/** A model fitted to one history, ready to forecast any horizon. */
export interface FittedModel {
  method: string;
  model: string;
  /** Corrected Akaike criterion on the shared scoring window (see choose-method.ts); Infinity when not comparable. */
  aicc: number;
  forecast(horizon: number): Forecast;
  /** The same model structure re-estimated on a longer history (warm-started); absent = fit anew. */
  refit?(y: Float64Array): FittedModel;
}

const Z80 = 1.2815515655446004;
const Z95 = 1.959963984540054;

/**
 * Normal prediction intervals `mean ± z·sd`, cut at 0 (demand is never negative), with every
 * non-finite number replaced so that JSON never sees NaN or Infinity.
 */
export function normalPoints(mean: Float64Array, sd: Float64Array): ForecastPoint[] {
  const points: ForecastPoint[] = new Array(mean.length);
  for (let i = 0; i < mean.length; i++) {
    const m = clean(mean[i]!);
    const s = clean(sd[i]!);
    points[i] = orderedPoint(m, m - Z80 * s, m + Z80 * s, m - Z95 * s, m + Z95 * s);
  }
  return points;
}

/** Points from a mean and fixed offsets (empirical residual quantiles), for every horizon step. */
export function offsetPoints(
  mean: Float64Array,
  offsets: { lo95: number; lo80: number; hi80: number; hi95: number },
): ForecastPoint[] {
  const points: ForecastPoint[] = new Array(mean.length);
  for (let i = 0; i < mean.length; i++) {
    const m = clean(mean[i]!);
    points[i] = orderedPoint(
      m,
      m + clean(offsets.lo80),
      m + clean(offsets.hi80),
      m + clean(offsets.lo95),
      m + clean(offsets.hi95),
    );
  }
  return points;
}

function orderedPoint(units: number, lo80: number, hi80: number, lo95: number, hi95: number): ForecastPoint {
  const u = Math.max(0, clean(units));
  [lo80, hi80, lo95, hi95] = [clean(lo80), clean(hi80), clean(lo95), clean(hi95)];
  const lower80 = Math.min(u, Math.max(0, lo80));
  const upper80 = Math.max(u, hi80);
  return {
    units: u,
    lower80,
    upper80,
    lower95: Math.min(lower80, Math.max(0, lo95)),
    upper95: Math.max(upper80, hi95),
  };
}

/** Keeps huge-but-finite values finite and turns NaN/±Infinity into 0 or the largest double. */
export function clean(x: number): number {
  if (Number.isNaN(x)) return 0;
  if (x === Infinity) return Number.MAX_VALUE;
  if (x === -Infinity) return -Number.MAX_VALUE;
  return x;
}

/** Corrected AIC for Gaussian errors: n·ln(SSE/n) + 2k + 2k(k+1)/(n−k−1); Infinity when undefined. */
export function aiccFromSse(sse: number, n: number, k: number): number {
  if (n - k - 1 <= 0 || !(sse >= 0) || !Number.isFinite(sse)) return Infinity;
  const v = Math.max(sse / n, 1e-12);
  return n * Math.log(v) + 2 * k + (2 * k * (k + 1)) / (n - k - 1);
}
