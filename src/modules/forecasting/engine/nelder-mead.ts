/** Result of a minimisation: the best point found and its value. */
export interface Minimum {
  x: Float64Array;
  fx: number;
  evaluations: number;
}

/**
 * Nelder–Mead downhill simplex (standard coefficients: reflect 1, expand 2, contract ½, shrink ½).
 * Derivative-free and robust for the 1–4 smoothing parameters of an exponential-smoothing model;
 * bounds are the objective's business (return Infinity outside). Stops after `maxEvaluations` or
 * when the simplex's values agree to `tolerance` (relative).
 */
export function nelderMead(
  f: (x: Float64Array) => number,
  start: Float64Array,
  options: { step?: number | Float64Array; maxEvaluations?: number; tolerance?: number } = {},
): Minimum {
  const d = start.length;
  const maxEvaluations = options.maxEvaluations ?? 200 * d;
  const tolerance = options.tolerance ?? 1e-7;
  const points: Float64Array[] = [];
  const values = new Float64Array(d + 1);
  let evaluations = 0;
  const evaluate = (x: Float64Array): number => {
    evaluations++;
    const v = f(x);
    return Number.isNaN(v) ? Infinity : v;
  };
  for (let i = 0; i <= d; i++) {
    const x = new Float64Array(start);
    if (i > 0) {
      const step = options.step;
      x[i - 1]! += typeof step === 'number' ? step : step ? step[i - 1]! : 0.1;
    }
    points.push(x);
    values[i] = evaluate(x);
  }
  const order = Array.from({ length: d + 1 }, (_, i) => i);
  const centroid = new Float64Array(d);
  const trial = new Float64Array(d);
  const trial2 = new Float64Array(d);
  const along = (from: Float64Array, to: Float64Array, t: number, out: Float64Array): Float64Array => {
    for (let j = 0; j < d; j++) out[j] = from[j]! + t * (to[j]! - from[j]!);
    return out;
  };

  while (evaluations < maxEvaluations) {
    order.sort((a, b) => values[a]! - values[b]!);
    const best = order[0]!;
    const worst = order[d]!;
    const secondWorst = order[d - 1] ?? best;
    const lo = values[best]!;
    const hi = values[worst]!;
    if (Number.isFinite(hi) && Math.abs(hi - lo) <= tolerance * (Math.abs(lo) + 1e-12)) break;
    centroid.fill(0);
    for (const i of order) if (i !== worst) for (let j = 0; j < d; j++) centroid[j]! += points[i]![j]! / d;

    along(centroid, points[worst]!, -1, trial);
    const fr = evaluate(trial);
    if (fr < values[best]!) {
      along(centroid, points[worst]!, -2, trial2);
      const fe = evaluate(trial2);
      if (fe < fr) accept(worst, trial2, fe);
      else accept(worst, trial, fr);
    } else if (fr < values[secondWorst]!) {
      accept(worst, trial, fr);
    } else {
      const outside = fr < hi;
      along(centroid, outside ? trial : points[worst]!, 0.5, trial2);
      const fc = evaluate(trial2);
      if (fc < (outside ? fr : hi)) {
        accept(worst, trial2, fc);
      } else {
        for (const i of order) {
          if (i === best) continue;
          along(points[best]!, points[i]!, 0.5, points[i]!);
          values[i] = evaluate(points[i]!);
        }
      }
    }
  }
  let bestIndex = 0;
  for (let i = 1; i <= d; i++) if (values[i]! < values[bestIndex]!) bestIndex = i;
  return { x: points[bestIndex]!, fx: values[bestIndex]!, evaluations };

  function accept(index: number, x: Float64Array, fx: number): void {
    points[index]!.set(x);
    values[index] = fx;
  }
}
