import { describe, expect, it } from 'vitest';
import { fitArima, fitAutoArima } from './arima.js';
import { kpss, KPSS_CRITICAL, seasonalStrength } from './arima-tests.js';
import { gaussian, seededRandom, series } from './test-series.fixture.js';

describe('ARIMA', () => {
  it('recovers an AR(1) coefficient and mean by CSS and selects AR(1) with mean', () => {
    const noise = gaussian(seededRandom(21));
    const y = new Float64Array(1200);
    let x = 0;
    for (let t = 0; t < y.length; t++) y[t] = 50 + (x = 0.7 * x + noise());
    const model = fitArima(y, { p: 1, d: 0, q: 0, D: 0, Q: 0, m: 7 }, 2);
    const f = model.forecast(200);
    // one step ahead ≈ 50 + 0.7·(last − 50); far ahead → the mean
    expect(f.points[0]!.units).toBeCloseTo(50 + 0.7 * (y[1199]! - 50), 0);
    expect(f.points[199]!.units).toBeCloseTo(50, 0);
    // ψ-weight variance: far-ahead sd → σ/√(1−φ²) ≈ 1.4, so the 95% band is about ±2.74
    expect(f.points[199]!.upper95 - f.points[199]!.units).toBeGreaterThan(2.3);
    expect(f.points[199]!.upper95 - f.points[199]!.units).toBeLessThan(3.2);
    expect(fitAutoArima(y, 7).model).toMatch(/^ARIMA\(1,0,[01]\) with mean$/);
  });

  it('differences a random walk (KPSS) and a strongly weekly series (seasonal strength)', () => {
    const noise = gaussian(seededRandom(4));
    let level = 100;
    const walk = series(500, () => (level += noise()));
    expect(kpss(walk)).toBeGreaterThan(KPSS_CRITICAL);
    expect(fitAutoArima(walk, 7).model).toMatch(/^ARIMA\(\d,1,\d\)/);
    const weekly = [5, 7, 9, 11, 13, 30, 2];
    const seasonal = series(400, (t) => 100 + 5 * weekly[t % 7]! + noise());
    expect(seasonalStrength(seasonal, 7)).toBeGreaterThan(0.9);
    const model = fitAutoArima(seasonal, 7);
    expect(model.model).toMatch(/\(0,1,[01]\)\[7\]/);
    model
      .forecast(14)
      .points.forEach((p, i) =>
        expect(Math.abs(p.units - (100 + 5 * weekly[(400 + i) % 7]!))).toBeLessThan(4),
      );
  });
});
