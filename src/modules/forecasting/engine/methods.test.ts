import { describe, expect, it } from 'vitest';
import { fitMethod } from './choose-method.js';
import { fitCrostonSba } from './croston.js';
import { fitEts } from './ets.js';
import type { ForecastOptions, ItemForecast } from './forecast-types.js';
import { forecastSeries } from './forecast-series.js';
import { fitSeasonalNaive } from './naive.js';
import { gaussian, seededRandom, series } from './test-series.fixture.js';

const weekly = [5, 7, 9, 11, 13, 30, 2];
const options = (method: ForecastOptions['method'], horizon = 14, holdoutDays = 14): ForecastOptions => ({
  method,
  horizon,
  seasonLength: 7,
  holdoutDays,
});

function expectWellFormed(item: ItemForecast, horizon: number, fallback = false): void {
  expect(item.points).toHaveLength(horizon);
  if (!fallback) expect(item.fallbackReason, `${item.itemId} fell back`).toBeUndefined();
  for (const p of item.points) {
    for (const v of [p.units, p.lower80, p.upper80, p.lower95, p.upper95]) {
      expect(Number.isFinite(v)).toBe(true);
      expect(v).toBeGreaterThanOrEqual(0);
    }
    expect(p.lower95).toBeLessThanOrEqual(p.lower80);
    expect(p.lower80).toBeLessThanOrEqual(p.units);
    expect(p.units).toBeLessThanOrEqual(p.upper80);
    expect(p.upper80).toBeLessThanOrEqual(p.upper95);
  }
  expect(JSON.stringify(item)).not.toMatch(/NaN|Infinity|null,"wape":NaN/);
}

describe('forecasting methods', () => {
  it('seasonal naive repeats a pure weekly pattern exactly, with zero-width intervals', () => {
    const y = series(70, (t) => weekly[t % 7]!);
    const item = forecastSeries(
      { itemId: 'w', firstDate: '2024-01-01', values: y },
      options('seasonal_naive'),
    );
    expect(item.method).toBe('seasonal_naive');
    expect(item.points.map((p) => p.units)).toEqual(
      series(14, (t) => weekly[(70 + t) % 7]!).reduce<number[]>((a, v) => [...a, v], []),
    );
    expect(item.points.every((p) => p.upper95 === p.units && p.lower95 === p.units)).toBe(true);
    expect(item.quality.wape).toBe(0);
    expect(item.quality.mase).toBeNull(); // in-sample seasonal-naive MAE is 0: MASE undefined
  });

  it('ETS with a trend forecasts a noiseless linear trend', () => {
    const y = series(120, (t) => 20 + 0.5 * t);
    const fitted = fitEts(y, { trend: 'A', season: 'N' }, 7);
    const f = fitted.forecast(10);
    f.points.forEach((p, i) => expect(p.units).toBeCloseTo(20 + 0.5 * (120 + i), 1));
    const chosen = fitMethod(y, 'ets', 7);
    expect(['ets_trend', 'holt_winters']).toContain(chosen.method);
    expect(chosen.forecast(1).points[0]!.units).toBeCloseTo(80, 0);
  });

  it('Holt-Winters recovers trend plus weekly season under noise', () => {
    const noise = gaussian(seededRandom(7));
    const y = series(364, (t) => 100 + 0.2 * t + 3 * weekly[t % 7]! + noise());
    const item = forecastSeries({ itemId: 'hw', firstDate: '2024-01-01', values: y }, options('ets', 28, 28));
    expect(item.method).toMatch(/holt_winters|ets_seasonal/);
    item.points.forEach((p, i) =>
      expect(Math.abs(p.units - (100 + 0.2 * (364 + i) + 3 * weekly[(364 + i) % 7]!))).toBeLessThan(5),
    );
    expect(item.quality.mase!).toBeLessThan(1);
  });

  it('auto picks Croston/SBA for intermittent demand, with a level near the mean rate', () => {
    const random = seededRandom(3);
    const y = series(400, () => (random() < 0.2 ? 5 : 0));
    const item = forecastSeries({ itemId: 'i', firstDate: '2024-01-01', values: y }, options('auto', 28, 28));
    expect(item.method).toBe('croston_sba');
    expect(item.points[0]!.units).toBeGreaterThan(0.5);
    expect(item.points[0]!.units).toBeLessThan(1.6);
    expect(() => fitCrostonSba(new Float64Array(5))).toThrow();
  });

  it('a shop closed on weekends is seasonal, not intermittent', () => {
    const noise = gaussian(seededRandom(9));
    const y = series(364, (t) => (t % 7 >= 5 ? 0 : 40 + 3 * noise()));
    const item = forecastSeries(
      { itemId: 'closed', firstDate: '2024-01-01', values: y },
      options('auto', 14, 28),
    );
    expect(item.method).not.toBe('croston_sba');
    item.points.forEach((p, i) => expect(Math.abs(p.units - ((364 + i) % 7 >= 5 ? 0 : 40))).toBeLessThan(6));
  });

  it('auto prefers a seasonal model on seasonal data and beats seasonal naive there', () => {
    const noise = gaussian(seededRandom(11));
    const y = series(730, (t) => 50 + 4 * weekly[t % 7]! + 6 * noise());
    const auto = forecastSeries({ itemId: 'a', firstDate: '2024-01-01', values: y }, options('auto', 28, 56));
    const naive = forecastSeries(
      { itemId: 'a', firstDate: '2024-01-01', values: y },
      options('seasonal_naive', 28, 56),
    );
    expect(auto.method).toMatch(/seasonal|holt_winters/);
    expect(auto.quality.mase!).toBeLessThan(naive.quality.mase!);
  });

  it('95% intervals cover about 95% and 80% about 80% of simulated noise', () => {
    const noise = gaussian(seededRandom(5));
    let in80 = 0;
    let in95 = 0;
    let total = 0;
    for (let k = 0; k < 40; k++) {
      const y = series(400, (t) => 200 + 5 * weekly[t % 7]! + 10 * noise());
      const model = fitSeasonalNaive(y.subarray(0, 386), 7);
      for (const method of [model, fitEts(y.subarray(0, 386), { trend: 'N', season: 'A' }, 7)]) {
        method.forecast(14).points.forEach((p, i) => {
          const a = y[386 + i]!;
          if (a >= p.lower80 && a <= p.upper80) in80++;
          if (a >= p.lower95 && a <= p.upper95) in95++;
          total++;
        });
      }
    }
    expect(in80 / total).toBeGreaterThan(0.7);
    expect(in80 / total).toBeLessThan(0.92);
    expect(in95 / total).toBeGreaterThan(0.88);
  });

  it('never yields NaN, Infinity or an error for edge histories', () => {
    const cases: [string, Float64Array][] = [
      ['empty', new Float64Array(0)],
      ['one', new Float64Array([4])],
      ['three', new Float64Array([1, 0, 2])],
      ['all zero', new Float64Array(60)],
      ['huge', series(60, (t) => 1e300 * (1 + (t % 7)))],
      ['large', series(60, (t) => 1e14 * (1 + (t % 7)))],
      ['junk', new Float64Array([NaN, Infinity, -5, 3, 4, 5, 6, 7, 8, 9])],
      ['one spike', series(90, (t) => (t === 40 ? 1000 : 0))],
      ['constant', series(50, () => 9)],
    ];
    for (const method of ['auto', 'seasonal_naive', 'ets', 'arima'] as const) {
      for (const [name, values] of cases) {
        const item = forecastSeries(
          { itemId: name, firstDate: '2024-01-01', values },
          options(method, 30, 28),
        );
        expectWellFormed(item, 30);
      }
    }
    for (const method of ['auto', 'seasonal_naive', 'ets', 'arima'] as const) {
      const y = series(200, (t) => 10 + (t % 7) + (t % 5));
      expectWellFormed(
        forecastSeries(
          { itemId: 'm1', firstDate: '2024-01-01', values: y },
          { ...options(method, 365, 28), seasonLength: 1 },
        ),
        365,
      );
      expectWellFormed(
        forecastSeries(
          { itemId: 'm30', firstDate: '2024-01-01', values: y },
          { ...options(method, 2, 0), seasonLength: 30 },
        ),
        2,
      );
    }
    const zero = forecastSeries(
      { itemId: 'z', firstDate: '2024-01-01', values: new Float64Array(60) },
      options('auto'),
    );
    expect(zero.method).toBe('zero');
    expect(zero.quality.mape).toBeNull();
    const empty = forecastSeries(
      { itemId: 'e', firstDate: '2024-01-01', values: new Float64Array(0) },
      options('auto'),
    );
    expect(empty.quality.holdoutDays).toBe(0);
  });

  it('a method that throws for an item falls back instead of failing', () => {
    const y = series(60, (t) => weekly[t % 7]!);
    const item = forecastSeries({ itemId: 'x', firstDate: '2024-01-01', values: y }, options('auto'), () => {
      throw new Error('boom');
    });
    expect(item.method).toBe('seasonal_naive');
    expect(item.fallbackReason).toBe('boom');
    expectWellFormed(item, 14, true);
  });
});
