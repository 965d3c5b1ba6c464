import { difference, kpss, KPSS_CRITICAL, seasonalStrength } from './arima-tests.js';
import type { FittedModel } from './model.js';
import { aiccFromSse, normalPoints } from './model.js';
import { nelderMead } from './nelder-mead.js';

/** ARIMA(p,d,q)(0,D,Q)m orders; a mean is fitted only when nothing is differenced. */
export interface ArimaOrder {
  p: number;
  d: number;
  q: number;
  D: number;
  Q: number;
  m: number;
}

const MAX_P = 2;

/**
 * Automatic ARIMA, a small Hyndman–Khandakar: the seasonal difference when the seasonal strength
 * exceeds 0.64, one ordinary difference when KPSS rejects level stationarity at 5%, then every
 * p, q ≤ 2 (p + q ≤ 3) with or without a seasonal MA(1), each fitted by conditional sum of squares
 * (Nelder–Mead) and the lowest AICc kept. Forecast intervals from the ψ-weights of the model.
 */
export function fitAutoArima(y: Float64Array, m: number): FittedModel {
  const n = y.length;
  if (n < 20) throw new Error(`ARIMA needs 20 days, got ${n}`);
  const D = m > 1 && n >= 3 * m && seasonalStrength(y, m) > 0.64 ? 1 : 0;
  const w = D ? difference(y, m) : y;
  const d = kpss(w) > KPSS_CRITICAL ? 1 : 0;
  const start = MAX_P + d + m * D;
  let best: FittedModel | null = null;
  for (let p = 0; p <= MAX_P; p++) {
    for (let q = 0; q <= 2; q++) {
      if (p + q > 3) continue;
      for (let Q = 0; Q <= D; Q++) {
        const model = fitArima(y, { p, d, q, D, Q, m }, start);
        if (!best || model.aicc < best.aicc) best = model;
      }
    }
  }
  return best!;
}

/** Fits one ARIMA by CSS over t ≥ `start`; `warm` = coefficients to start from (refits). */
export function fitArima(
  y: Float64Array,
  order: ArimaOrder,
  start: number,
  warm?: Float64Array,
): FittedModel {
  const { p, d, q, D, Q, m } = order;
  const n = y.length;
  const withMean = d + D === 0;
  let mean = 0;
  if (withMean) {
    for (let i = 0; i < n; i++) mean += y[i]!;
    mean /= n;
  }
  const z = withMean ? Float64Array.from(y, (v) => v - mean) : y;
  const dims = p + q + Q;
  const residuals = new Float64Array(n);
  const objective = (x: Float64Array): number => {
    if (!admissible(x, order)) return Infinity;
    const { ar, ma } = expand(x, order);
    return css(z, ar, ma, start, residuals);
  };
  let coefficients = new Float64Array(dims);
  if (dims > 0) {
    const found = nelderMead(objective, warm ? new Float64Array(warm) : new Float64Array(dims), {
      step: warm ? 0.05 : 0.2,
      maxEvaluations: (warm ? 30 : 80) + 40 * dims,
      tolerance: 1e-6,
    });
    if (Number.isFinite(found.fx)) coefficients = new Float64Array(found.x);
  }
  const { ar, ma } = expand(coefficients, order);
  const sse = css(z, ar, ma, start, residuals);
  const scored = n - start;
  const k = dims + (withMean ? 1 : 0) + 1;
  const sigma2 = sse / Math.max(1, scored - dims);
  const name = `ARIMA(${p},${d},${q})${D || Q ? `(0,${D},${Q})[${m}]` : ''}${withMean ? ' with mean' : ''}`;
  const coefficientsCopy = new Float64Array(coefficients);
  return {
    method: 'arima',
    model: name,
    aicc: aiccFromSse(sse, scored, k),
    refit: (longer) => fitArima(longer, order, start, coefficientsCopy),
    forecast(h) {
      const path = new Float64Array(n + h);
      path.set(z);
      const errors = new Float64Array(n + h);
      errors.set(residuals.subarray(0, n));
      for (let t = n; t < n + h; t++) {
        let v = 0;
        for (let i = 0; i < ar.lags.length; i++) v += ar.coefs[i]! * path[t - ar.lags[i]!]!;
        for (let j = 0; j < ma.lags.length; j++) v += ma.coefs[j]! * errors[t - ma.lags[j]!]!;
        path[t] = v;
      }
      const psi = psiWeights(ar, ma, h);
      const mu = new Float64Array(h);
      const sd = new Float64Array(h);
      let cumulative = 0;
      for (let i = 0; i < h; i++) {
        cumulative += psi[i]! * psi[i]!;
        mu[i] = path[n + i]! + mean;
        sd[i] = Math.sqrt(sigma2 * cumulative);
      }
      return { method: 'arima', model: name, points: normalPoints(mu, sd) };
    },
  };
}

interface Sparse {
  lags: number[];
  coefs: number[];
}

/**
 * Multiplies out φ(B)(1−B)^d(1−B^m)^D into y_t = Σ a_i y_{t−i} + … and θ(B)(1+ΘB^m) into the
 * error lags, so one loop serves every order.
 */
function expand(x: Float64Array, order: ArimaOrder): { ar: Sparse; ma: Sparse } {
  const { p, d, q, D, Q, m } = order;
  let arPoly = [1];
  for (let i = 0; i < p; i++) arPoly.push(-x[i]!);
  for (let i = 0; i < d; i++) arPoly = multiply(arPoly, [1, -1]);
  for (let i = 0; i < D; i++) arPoly = multiply(arPoly, seasonalPoly(m, -1));
  let maPoly = [1];
  for (let j = 0; j < q; j++) maPoly.push(x[p + j]!);
  if (Q) maPoly = multiply(maPoly, seasonalPoly(m, x[p + q]!));
  const ar: Sparse = { lags: [], coefs: [] };
  for (let i = 1; i < arPoly.length; i++) {
    if (arPoly[i] !== 0) {
      ar.lags.push(i);
      ar.coefs.push(-arPoly[i]!);
    }
  }
  const ma: Sparse = { lags: [], coefs: [] };
  for (let j = 1; j < maPoly.length; j++) {
    if (maPoly[j] !== 0) {
      ma.lags.push(j);
      ma.coefs.push(maPoly[j]!);
    }
  }
  return { ar, ma };
}

function seasonalPoly(m: number, coefficient: number): number[] {
  const poly = new Array<number>(m + 1).fill(0);
  poly[0] = 1;
  poly[m] = coefficient;
  return poly;
}

function multiply(a: number[], b: number[]): number[] {
  const out = new Array<number>(a.length + b.length - 1).fill(0);
  for (let i = 0; i < a.length; i++) for (let j = 0; j < b.length; j++) out[i + j]! += a[i]! * b[j]!;
  return out;
}

/** Conditional sum of squares: residuals before `start` are taken as 0. */
function css(z: Float64Array, ar: Sparse, ma: Sparse, start: number, residuals: Float64Array): number {
  const n = z.length;
  residuals.fill(0, 0, Math.min(start, n));
  let sse = 0;
  const arLags = ar.lags;
  const arCoefs = ar.coefs;
  const maLags = ma.lags;
  const maCoefs = ma.coefs;
  for (let t = start; t < n; t++) {
    let e = z[t]!;
    for (let i = 0; i < arLags.length; i++) e -= arCoefs[i]! * z[t - arLags[i]!]!;
    for (let j = 0; j < maLags.length; j++) {
      const lag = maLags[j]!;
      if (t - lag >= 0) e -= maCoefs[j]! * residuals[t - lag]!;
    }
    residuals[t] = e;
    sse += e * e;
  }
  return Number.isFinite(sse) ? sse : Infinity;
}

/** ψ-weights of the expanded model: ψ0 = 1, ψj = θj + Σ a_i ψ_{j−i}; Var(h) = σ² Σ_{j<h} ψj². */
function psiWeights(ar: Sparse, ma: Sparse, h: number): Float64Array {
  const psi = new Float64Array(h);
  psi[0] = 1;
  for (let j = 1; j < h; j++) {
    let v = 0;
    const maIndex = ma.lags.indexOf(j);
    if (maIndex >= 0) v += ma.coefs[maIndex]!;
    for (let i = 0; i < ar.lags.length; i++) if (ar.lags[i]! <= j) v += ar.coefs[i]! * psi[j - ar.lags[i]!]!;
    psi[j] = v;
  }
  return psi;
}

/** Stationary AR and invertible MA parts (the triangle conditions for order ≤ 2), |Θ| < 1. */
function admissible(x: Float64Array, order: ArimaOrder): boolean {
  const inside = (c1: number, c2: number): boolean => Math.abs(c2) < 0.99 && c1 + c2 < 0.99 && c2 - c1 < 0.99;
  const { p, q, Q } = order;
  if (p === 1 && !(Math.abs(x[0]!) < 0.99)) return false;
  if (p === 2 && !inside(x[0]!, x[1]!)) return false;
  if (q === 1 && !(Math.abs(x[p]!) < 0.99)) return false;
  if (q === 2 && !inside(-x[p]!, -x[p + 1]!)) return false;
  if (Q === 1 && !(Math.abs(x[p + q]!) < 0.99)) return false;
  return true;
}
