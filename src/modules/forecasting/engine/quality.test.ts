import { describe, expect, it } from 'vitest';
import type { Forecast } from './model.js';
import { aggregateQuality, measureQuality, seasonalNaiveScale } from './quality.js';

const flat = (units: number[]): Forecast => ({
  method: 'test',
  model: 'test',
  points: units.map((u) => ({ units: u, lower80: u - 1, upper80: u + 1, lower95: u - 2, upper95: u + 2 })),
});

describe('quality', () => {
  it('computes MAPE, WAPE, MASE and bias by hand', () => {
    // training part with lag-2 differences |3-1|, |4-2|, |5-3| = 2, 2, 2 → scale 2
    const train = new Float64Array([1, 2, 3, 4, 5]);
    const actual = new Float64Array([10, 20, 0, 10]);
    const q = measureQuality(train, actual, flat([12, 15, 1, 10]), 2);
    // errors 2, 5, 1, 0 → Σ 8; actual Σ 40; forecast Σ 38; APE over non-zero actuals: .2, .25, 0
    expect(q.absErrorSum).toBe(8);
    expect(q.wape).toBeCloseTo(8 / 40, 12);
    expect(q.mape).toBeCloseTo((0.2 + 0.25 + 0) / 3, 12);
    expect(q.apeCount).toBe(3);
    expect(q.bias).toBeCloseTo((38 - 40) / 40, 12);
    expect(q.maseScale).toBe(2);
    expect(q.mase).toBeCloseTo(8 / 4 / 2, 12);
    expect(q.holdoutDays).toBe(4);
    // inside [u-1, u+1]: 12 vs 10 no, 15 vs 20 no, 1 vs 0 yes, 10 yes; inside ±2: 10∈[10,14] yes too
    expect(q.coverage80).toBe(0.5);
    expect(q.coverage95).toBe(0.75);
  });

  it('zero actuals: MAPE, WAPE and bias are null, never NaN', () => {
    const q = measureQuality(new Float64Array([0, 0, 0]), new Float64Array([0, 0]), flat([1, 1]), 7);
    expect(q.mape).toBeNull();
    expect(q.wape).toBeNull();
    expect(q.bias).toBeNull();
    expect(q.mase).toBeNull(); // flat training part: scale 0
    expect(JSON.stringify(q)).not.toMatch(/NaN|Infinity/);
  });

  it('uses lag 1 when the training part is shorter than a season', () => {
    expect(seasonalNaiveScale(new Float64Array([1, 3, 6]), 7)).toBe(2.5);
    expect(seasonalNaiveScale(new Float64Array([5]), 7)).toBe(0);
  });

  it('aggregates as ratios of sums and the mean of the items’ MASE', () => {
    const a = measureQuality(new Float64Array([1, 2, 3]), new Float64Array([10, 10]), flat([12, 12]), 1);
    const b = measureQuality(new Float64Array([1, 2, 3]), new Float64Array([100, 0]), flat([90, 5]), 1);
    const overall = aggregateQuality([a, b]);
    expect(overall.wape).toBeCloseTo((4 + 15) / 120, 12);
    expect(overall.bias).toBeCloseTo((24 + 95 - 120) / 120, 12);
    expect(overall.mape).toBeCloseTo((0.2 + 0.2 + 0.1) / 3, 12);
    expect(overall.mase).toBeCloseTo((a.mase! + b.mase!) / 2, 12);
    expect(aggregateQuality([])).toEqual({ mape: null, wape: null, mase: null, bias: null });
  });
});
