import { fitAutoArima } from './arima.js';
import { averageDemandInterval, fitCrostonSba, INTERMITTENT_ADI } from './croston.js';
import { etsCandidates, fitEts } from './ets.js';
import type { RequestedMethod } from './forecast-types.js';
import type { FittedModel } from './model.js';
import { normalPoints } from './model.js';
import { fitNaive, fitSeasonalNaive } from './naive.js';

/**
 * Fits the asked method to one history, degrading to what the history supports: no history or
 * all zeros → 'zero'; under 3 days → naive; less than a season → no seasonal model.
 */
export function fitMethod(y: Float64Array, method: RequestedMethod, m: number): FittedModel {
  const n = y.length;
  if (isAllZero(y)) return zeroModel(n);
  if (n < 3) return fitNaive(y);
  switch (method) {
    case 'seasonal_naive':
      return n >= m ? fitSeasonalNaive(y, m) : fitNaive(y);
    case 'ets':
      return bestByAicc(etsModels(y, m));
    case 'arima':
      return y.length >= 20 ? fitAutoArima(y, m) : bestByAicc(etsModels(y, m));
    case 'auto':
    default:
      return fitAuto(y, m);
  }
}

/**
 * `auto`: intermittent histories (average demand interval ≥ 1.32 days, the Syntetos–Boylan cut-off,
 * weekdays without any demand left out)
 * get Croston/SBA; every other history the ETS family member or seasonal naive with the lowest
 * AICc, all scored on the same days (after a one-season burn-in) so the criteria compare.
 */
export function fitAuto(y: Float64Array, m: number): FittedModel {
  if (averageDemandInterval(y, m) >= INTERMITTENT_ADI) return fitCrostonSba(y);
  const candidates = etsModels(y, m);
  if (y.length >= 2 * m) candidates.push(fitSeasonalNaive(y, m, scoreStart(y.length, m)));
  return bestByAicc(candidates);
}

function etsModels(y: Float64Array, m: number): FittedModel[] {
  const from = scoreStart(y.length, m);
  return etsCandidates(y.length, m).map((spec) => fitEts(y, spec, m, from));
}

/** Days before this index are a burn-in that no candidate is scored on. */
function scoreStart(n: number, m: number): number {
  return n >= 2 * m ? m : 1;
}

function bestByAicc(models: FittedModel[]): FittedModel {
  let best = models[0]!;
  for (const model of models) if (model.aicc < best.aicc) best = model;
  return best;
}

function isAllZero(y: Float64Array): boolean {
  for (let i = 0; i < y.length; i++) if (y[i] !== 0) return false;
  return true;
}

/** No demand ever: forecast 0 with a zero-width interval. */
function zeroModel(n: number): FittedModel {
  const model = n === 0 ? 'no history' : 'no demand in the history';
  return {
    method: 'zero',
    model,
    aicc: Infinity,
    forecast: (h) => ({
      method: 'zero',
      model,
      points: normalPoints(new Float64Array(h), new Float64Array(h)),
    }),
  };
}
