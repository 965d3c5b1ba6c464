import { afterEach, describe, expect, it } from 'vitest';
import type { ForecastEngine, ForecastOptions, SeriesInput } from './forecast-types.js';
import { createForecastEngine } from './forecast-engine.js';
import { series } from './test-series.fixture.js';

const weekly = [5, 7, 9, 11, 13, 30, 2];
const options: ForecastOptions = { method: 'auto', horizon: 28, seasonLength: 7, holdoutDays: 28 };
const item = (id: string, n = 120, first?: number): SeriesInput => ({
  itemId: id,
  firstDate: '2024-01-01',
  values: series(n, (t) => (t === 0 && first !== undefined ? first : weekly[t % 7]! + (t % 3))),
});

let engine: ForecastEngine | undefined;
afterEach(async () => {
  await engine?.close();
  engine = undefined;
});

async function until(check: () => boolean): Promise<void> {
  for (let i = 0; i < 20_000 && !check(); i++) await new Promise((resolve) => setImmediate(resolve));
  expect(check()).toBe(true);
}

describe('forecast worker pool', () => {
  it('forecasts in worker threads, in input order, leaving the caller’s arrays intact', async () => {
    engine = createForecastEngine({ threads: 2, batchSize: 3 });
    const input = Array.from({ length: 10 }, (_, i) => item(`item-${i}`));
    const results = await engine.forecast(input, options);
    expect(results.map((r) => r.itemId)).toEqual(input.map((s) => s.itemId));
    expect(results.every((r) => r.points.length === 28 && r.quality.holdoutDays === 28)).toBe(true);
    expect(input[0]!.values.length).toBe(120);
    expect(engine.stats().workers).toBeGreaterThan(0);
    const inline = await createForecastEngine({ threads: 0 }).forecast(input, options);
    expect(results).toEqual(inline);
  });

  it('an item whose fit throws gets the fallback method; a worker that dies is replaced', async () => {
    engine = createForecastEngine({
      threads: 1,
      batchSize: 4,
      workerUrl: new URL('./faulty-forecast-worker.fixture.ts', import.meta.url),
    });
    const input = [
      item('ok-1'),
      item('throws', 120, 4242.25),
      item('kills-worker', 120, 4343.25),
      item('ok-2'),
    ];
    const results = await engine.forecast(input, options);
    expect(results.map((r) => r.itemId)).toEqual(['ok-1', 'throws', 'kills-worker', 'ok-2']);
    expect(results[0]!.fallbackReason).toBeUndefined();
    expect(results[1]!.method).toBe('seasonal_naive');
    expect(results[1]!.fallbackReason).toBe('injected fit failure');
    expect(results[2]!.method).toBe('seasonal_naive');
    expect(results[2]!.fallbackReason).toMatch(/^worker failed/);
    expect(results[3]!.fallbackReason).toBeUndefined();
    expect(results.every((r) => r.points.length === 28)).toBe(true);
    const again = await engine.forecast([item('after')], options);
    expect(again[0]!.fallbackReason).toBeUndefined();
  });

  it('an abort signal stops the batch under way and the pool keeps working', async () => {
    engine = createForecastEngine({ threads: 1, batchSize: 50 });
    const many = Array.from({ length: 400 }, (_, i) => item(`big-${i}`, 730));
    const controller = new AbortController();
    const running = engine.forecast(many, options, controller.signal);
    const outcome = running.then(
      () => 'finished',
      (error: unknown) => error,
    );
    await until(() => engine!.stats().busy > 0);
    controller.abort();
    const error = await outcome;
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).name).toBe('AbortError');
    expect(engine.stats()).toMatchObject({ busy: 0, queued: 0 });
    const after = await engine.forecast([item('after-abort')], options);
    expect(after).toHaveLength(1);
    await expect(engine.forecast([item('x')], options, AbortSignal.abort())).rejects.toThrow();
  });

  it('close() ends every worker and refuses new work', async () => {
    engine = createForecastEngine({ threads: 2, batchSize: 1 });
    await engine.forecast([item('a'), item('b')], options);
    expect(engine.stats().workers).toBe(2);
    await engine.close();
    expect(engine.stats().workers).toBe(0);
    await expect(engine.forecast([item('c')], options)).rejects.toThrow(/closed/);
  });
});
