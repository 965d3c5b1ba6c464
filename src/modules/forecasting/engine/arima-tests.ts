/**
 * Order selection helpers for ARIMA, after Hyndman & Khandakar (2008): a seasonal-strength rule
 * for the seasonal difference and the KPSS test for the ordinary one.
 */

/** Seasonal strength F = max(0, 1 − var(remainder) / var(season + remainder)) on a moving-average detrend. */
export function seasonalStrength(y: Float64Array, m: number): number {
  const n = y.length;
  if (m < 2 || n < 2 * m) return 0;
  const half = Math.floor(m / 2);
  const detrended: number[] = [];
  const phase: number[] = [];
  let window = 0;
  for (let i = 0; i < m; i++) window += y[i]!;
  for (let c = half; c + m - half <= n; c++) {
    if (c > half) window += y[c + m - half - 1]! - y[c - half - 1]!;
    detrended.push(y[c]! - window / m);
    phase.push(c % m);
  }
  const sums = new Float64Array(m);
  const counts = new Float64Array(m);
  detrended.forEach((v, i) => {
    sums[phase[i]!]! += v;
    counts[phase[i]!]!++;
  });
  const remainder = detrended.map((v, i) => v - sums[phase[i]!]! / Math.max(1, counts[phase[i]!]!));
  const vr = variance(remainder);
  const vd = variance(detrended);
  return vd > 0 ? Math.max(0, 1 - vr / vd) : 0;
}

/** KPSS level-stationarity statistic with a Newey–West long-run variance (lag ⌊4(n/100)^¼⌋). */
export function kpss(w: ArrayLike<number>): number {
  const n = w.length;
  if (n < 4) return 0;
  let mean = 0;
  for (let i = 0; i < n; i++) mean += w[i]!;
  mean /= n;
  let partial = 0;
  let sumSq = 0;
  let gamma0 = 0;
  for (let i = 0; i < n; i++) {
    const e = w[i]! - mean;
    partial += e;
    sumSq += partial * partial;
    gamma0 += e * e;
  }
  const lags = Math.floor(4 * Math.pow(n / 100, 0.25));
  let longRun = gamma0 / n;
  for (let l = 1; l <= lags; l++) {
    let g = 0;
    for (let i = l; i < n; i++) g += (w[i]! - mean) * (w[i - l]! - mean);
    longRun += (2 * (1 - l / (lags + 1)) * g) / n;
  }
  return longRun > 0 ? sumSq / (n * n * longRun) : 0;
}

/** 5% critical value of the KPSS level test. */
export const KPSS_CRITICAL = 0.463;

/** `y` differenced at `lag` (length n − lag). */
export function difference(y: ArrayLike<number>, lag: number): Float64Array {
  const out = new Float64Array(Math.max(0, y.length - lag));
  for (let i = 0; i < out.length; i++) out[i] = y[i + lag]! - y[i]!;
  return out;
}

function variance(v: number[]): number {
  if (v.length < 2) return 0;
  let mean = 0;
  for (const x of v) mean += x;
  mean /= v.length;
  let s = 0;
  for (const x of v) s += (x - mean) ** 2;
  return s / (v.length - 1);
}
