import type { FittedModel } from './model.js';
import { aiccFromSse, normalPoints } from './model.js';
import { nelderMead } from './nelder-mead.js';

/** One member of the additive-error ETS family: trend none/additive/damped, season none/additive. */
export interface EtsSpec {
  trend: 'N' | 'A' | 'Ad';
  season: 'N' | 'A';
}

/** Smoothing parameters (β, γ, φ are 0 / 0 / 1 when the model has no such part). */
export interface EtsParams {
  alpha: number;
  beta: number;
  gamma: number;
  phi: number;
}

const METHOD_NAMES: Record<string, string> = {
  NN: 'ets',
  AN: 'ets_trend',
  AdN: 'ets_damped',
  NA: 'ets_seasonal',
  AA: 'holt_winters',
  AdA: 'holt_winters_damped',
};

/** Every family member that a history of `n` days with season `m` supports. */
export function etsCandidates(n: number, m: number): EtsSpec[] {
  const specs: EtsSpec[] = [
    { trend: 'N', season: 'N' },
    { trend: 'A', season: 'N' },
    { trend: 'Ad', season: 'N' },
  ];
  if (m > 1 && n >= 2 * m)
    specs.push({ trend: 'N', season: 'A' }, { trend: 'A', season: 'A' }, { trend: 'Ad', season: 'A' });
  return specs;
}

interface Initial {
  level: number;
  trend: number;
  season: Float64Array;
}

/**
 * Heuristic initial states (Hyndman et al. 2008 §2.6.1, simplified): level and season from the
 * means of the first (up to three) full seasons, trend from the change between the first two.
 * The first season is a burn-in excluded from the fitted SSE, so the heuristic costs little.
 */
function initialStates(y: Float64Array, spec: EtsSpec, m: number): Initial {
  const n = y.length;
  const period = spec.season === 'A' ? m : Math.min(n, Math.max(1, Math.min(m, Math.floor(n / 2))));
  const seasons = Math.max(1, Math.min(3, Math.floor(n / period)));
  const means: number[] = [];
  for (let k = 0; k < seasons; k++) {
    let sum = 0;
    for (let i = 0; i < period; i++) sum += y[k * period + i]!;
    means.push(sum / period);
  }
  const trend = spec.trend !== 'N' && seasons >= 2 ? (means[1]! - means[0]!) / period : 0;
  const season = new Float64Array(spec.season === 'A' ? m : 0);
  if (spec.season === 'A') {
    for (let i = 0; i < m; i++) {
      let sum = 0;
      for (let k = 0; k < seasons; k++) sum += y[k * m + i]! - means[k]! - trend * (i - (m - 1) / 2);
      season[i] = sum / seasons;
    }
  }
  const level = means[0]! - trend * ((period - 1) / 2 + 1);
  return { level, trend, season };
}

/**
 * Runs the state-space recursions (additive errors) and returns the one-step SSE over t ≥ `scoreFrom`,
 * leaving the final states in `out` when given. ŷ = l + φb + s; l ← l + φb + αe; b ← φb + βe; s ← s + γe.
 * Two loops (with and without season) keep the hot path free of branches.
 */
function filter(
  y: Float64Array,
  spec: EtsSpec,
  p: EtsParams,
  init: Initial,
  m: number,
  scoreFrom: number,
  seasonScratch: Float64Array,
  out?: { level: number; trend: number },
): number {
  const { alpha, beta, gamma, phi } = p;
  let l = init.level;
  let b = spec.trend !== 'N' ? init.trend : 0;
  let sse = 0;
  const n = y.length;
  if (spec.season === 'A') {
    seasonScratch.set(init.season);
    let j = 0;
    for (let t = 0; t < n; t++) {
      const s = seasonScratch[j]!;
      const pb = phi * b;
      const e = y[t]! - (l + pb + s);
      if (t >= scoreFrom) sse += e * e;
      l = l + pb + alpha * e;
      b = pb + beta * e;
      seasonScratch[j] = s + gamma * e;
      if (++j === m) j = 0;
    }
  } else {
    for (let t = 0; t < n; t++) {
      const pb = phi * b;
      const e = y[t]! - (l + pb);
      if (t >= scoreFrom) sse += e * e;
      l = l + pb + alpha * e;
      b = pb + beta * e;
    }
  }
  if (out) {
    out.level = l;
    out.trend = b;
  }
  return sse;
}

/** The optimiser's vector for `p`: α, then β/α, γ/(1−α), φ where the model has them, inside the box. */
function encode(p: EtsParams, spec: EtsSpec): number[] {
  const inside = (v: number, lo: number, hi: number): number => Math.min(hi, Math.max(lo, v));
  const alpha = inside(p.alpha, 0.01, 0.98);
  const x = [alpha];
  if (spec.trend !== 'N') x.push(inside(p.beta / alpha, 0.01, 0.98));
  if (spec.season === 'A') x.push(inside(p.gamma / (1 - alpha), 0.01, 0.98));
  if (spec.trend === 'Ad') x.push(inside(p.phi, 0.81, 0.97));
  return x;
}

/** Maps the optimiser's unconstrained-looking vector to admissible parameters, or null outside the box. */
function decode(x: Float64Array, spec: EtsSpec): EtsParams | null {
  let i = 0;
  const alpha = x[i++]!;
  if (!(alpha > 1e-4 && alpha < 0.9999)) return null;
  let beta = 0;
  let gamma = 0;
  let phi = 1;
  if (spec.trend !== 'N') {
    const betaStar = x[i++]!;
    if (!(betaStar > 1e-4 && betaStar < 0.9999)) return null;
    beta = betaStar * alpha;
  }
  if (spec.season === 'A') {
    const gammaStar = x[i++]!;
    if (!(gammaStar > 1e-4 && gammaStar < 0.9999)) return null;
    gamma = gammaStar * (1 - alpha);
  }
  if (spec.trend === 'Ad') {
    phi = x[i++]!;
    if (!(phi >= 0.8 && phi <= 0.98)) return null;
  }
  return { alpha, beta, gamma, phi };
}

/** Fits one ETS model by minimising the one-step SSE after a one-season burn-in (Nelder–Mead). */
export function fitEts(
  y: Float64Array,
  spec: EtsSpec,
  m: number,
  scoreFrom = m,
  warm?: EtsParams,
): FittedModel {
  const n = y.length;
  if (n < 3) throw new Error(`ETS needs 3 days, got ${n}`);
  const from = Math.min(scoreFrom, n - 2);
  const init = initialStates(y, spec, m);
  const scratch = new Float64Array(spec.season === 'A' ? m : 0);
  const start = encode(warm ?? { alpha: 0.2, beta: 0.02, gamma: 0.08, phi: 0.9 }, spec);
  const objective = (x: Float64Array): number => {
    const p = decode(x, spec);
    return p ? filter(y, spec, p, init, m, from, scratch) : Infinity;
  };
  const scale = warm ? 0.2 : 0.8;
  const steps = Float64Array.from(start, (v, i) =>
    spec.trend === 'Ad' && i === start.length - 1 ? 0.04 * scale : v * scale,
  );
  const best = nelderMead(objective, Float64Array.from(start), {
    step: steps,
    maxEvaluations: (warm ? 10 : 40) + (warm ? 10 : 30) * start.length,
    tolerance: 1e-5,
  });
  const params = decode(best.x, spec)!;
  const final = { level: 0, trend: 0 };
  const sse = filter(y, spec, params, init, m, from, scratch, final);
  const scored = n - from;
  const k = start.length + 1 + (spec.trend !== 'N' ? 1 : 0) + (spec.season === 'A' ? m - 1 : 0) + 1;
  const sigma2 = sse / Math.max(1, scored - start.length);
  const season = new Float64Array(scratch);
  const key = `${spec.trend}${spec.season}`;
  const method = METHOD_NAMES[key]!;
  const model = `ETS(A,${spec.trend},${spec.season}) α=${params.alpha.toFixed(3)}${spec.trend !== 'N' ? ` β=${params.beta.toFixed(3)}` : ''}${spec.season === 'A' ? ` γ=${params.gamma.toFixed(3)}` : ''}${spec.trend === 'Ad' ? ` φ=${params.phi.toFixed(3)}` : ''}`;
  return {
    method,
    model,
    aicc: aiccFromSse(sse, scored, k),
    refit: (longer) => fitEts(longer, spec, m, scoreFrom, params),
    forecast(h) {
      const mean = new Float64Array(h);
      const sd = new Float64Array(h);
      const { alpha, beta, gamma, phi } = params;
      let phiSum = 0;
      let phiPower = 1;
      let varianceSum = 0;
      for (let i = 1; i <= h; i++) {
        phiPower *= phi;
        phiSum += phiPower;
        mean[i - 1] =
          final.level + phiSum * final.trend + (spec.season === 'A' ? season[(n + i - 1) % m]! : 0);
        sd[i - 1] = Math.sqrt(sigma2 * (1 + varianceSum));
        const c = alpha + beta * phiSum + (spec.season === 'A' && i % m === 0 ? gamma : 0);
        varianceSum += c * c;
      }
      return { method, model, points: normalPoints(mean, sd) };
    },
  };
}
