import type { FittedModel } from './model.js';
import { offsetPoints } from './model.js';

/**
 * Average demand interval (days per non-zero day; Infinity when every day is zero), leaving out
 * the days of the season (weekdays) that never have demand: a shop closed on Sundays is
 * seasonal, not intermittent.
 */
export function averageDemandInterval(y: Float64Array, m = 1): number {
  const period = m > 1 && y.length >= 2 * m ? m : 1;
  const phaseDemand = new Float64Array(period);
  for (let i = 0; i < y.length; i++) if (y[i]! > 0) phaseDemand[i % period]!++;
  let days = 0;
  let nonZero = 0;
  for (let i = 0; i < y.length; i++) {
    if (phaseDemand[i % period]! === 0) continue;
    days++;
    if (y[i]! > 0) nonZero++;
  }
  return nonZero > 0 ? days / nonZero : Infinity;
}

/** Syntetos–Boylan–Croston cut-off: demand on fewer than 1 day in 1.32 is intermittent. */
export const INTERMITTENT_ADI = 1.32;

const ALPHAS = [0.05, 0.1, 0.15, 0.2, 0.3];

/**
 * Croston's method with the Syntetos–Boylan approximation: smooth the non-zero demand sizes z and
 * the intervals p between them separately, forecast (1 − α/2)·z/p per day. α is picked from a
 * small grid by in-sample one-step SSE. Intervals: empirical 2.5/10/90/97.5% quantiles of the
 * in-sample one-step errors added to the flat forecast (intermittent demand is far from normal).
 */
export function fitCrostonSba(y: Float64Array): FittedModel {
  const n = y.length;
  let first = -1;
  for (let t = 0; t < n; t++) {
    if (y[t]! > 0) {
      first = t;
      break;
    }
  }
  if (first < 0) throw new Error('Croston needs at least one day with demand');
  let best = { alpha: ALPHAS[0]!, sse: Infinity };
  for (const alpha of ALPHAS) {
    const sse = run(y, first, alpha, null);
    if (sse < best.sse) best = { alpha, sse };
  }
  const errors = new Float64Array(Math.max(0, n - first - 1));
  const forecast = run(y, first, best.alpha, errors);
  errors.sort();
  const q = (p: number): number =>
    errors.length > 0 ? errors[Math.min(errors.length - 1, Math.floor(p * errors.length))]! : 0;
  const offsets = { lo95: q(0.025), lo80: q(0.1), hi80: q(0.9), hi95: q(0.975) };
  const model = `Croston-SBA α=${best.alpha}`;
  return {
    method: 'croston_sba',
    model,
    aicc: Infinity,
    forecast(h) {
      return {
        method: 'croston_sba',
        model,
        points: offsetPoints(new Float64Array(h).fill(forecast), offsets),
      };
    },
  };
}

/** One pass; returns the SSE (or, when `errors` is given, fills it and returns the final forecast). */
function run(y: Float64Array, first: number, alpha: number, errors: Float64Array | null): number {
  let z = y[first]!;
  let p = first + 1;
  let sinceLast = 1;
  let sse = 0;
  let k = 0;
  const factor = 1 - alpha / 2;
  for (let t = first + 1; t < y.length; t++) {
    const f = (factor * z) / p;
    const e = y[t]! - f;
    sse += e * e;
    if (errors) errors[k++] = e;
    if (y[t]! > 0) {
      z += alpha * (y[t]! - z);
      p += alpha * (sinceLast - p);
      sinceLast = 1;
    } else {
      sinceLast++;
    }
  }
  return errors ? (factor * z) / p : sse;
}
