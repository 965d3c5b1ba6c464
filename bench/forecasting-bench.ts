/**
 * Issue 13: demand ingest through `POST /api/v1/demand` (2,000 items × 730 days = 1,460,000 rows
 * in requests of ≤ 1,000,000 rows, streamed CSV) and forecast runs end to end (POST /forecast →
 * `done`), one enterprise tenant per isolation model. `npm run bench:forecasting [-- --quick]`;
 * prints Markdown (BENCHMARKS-forecasting.md keeps the runs). The numeric engine's own bench
 * (bench/forecasting-engine.ts, accuracy on a public data set) runs after it when present.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { createTenant } from '../src/modules/tenants/create-tenant.js';
import type { Isolation } from '../src/tenancy/tenant-scope.js';
import { startBenchInstance } from './bench-instance.js';
import { type CpuSpent, startCpuMeter } from './cpu-meter.js';
import { describeMachine } from './machine.js';

const quick = process.argv.includes('--quick');
const argValue = (name: string) => {
  const at = process.argv.indexOf(name);
  return at >= 0 ? process.argv[at + 1] : undefined;
};
const ITEMS = Number(argValue('--items') ?? (quick ? 400 : 2000));
const DAYS = 730;
const ROWS_PER_REQUEST = 730_000;
const MODELS = (argValue('--models')?.split(',') ??
  (quick ? ['pool'] : ['pool', 'schema', 'database'])) as Isolation[];
/** `--methods seasonal_naive` times only that run (a bounded bench on a shared machine). */
const METHODS = argValue('--methods')?.split(',') ?? ['seasonal_naive', 'auto'];
/** `--naive-runs N`: seasonal_naive timed N times in a row (a 0.4 s run moves 20% with one checkpoint), every run reported. */
const NAIVE_RUNS = Number(argValue('--naive-runs') ?? 1);
const PASSWORD = 'bench-password-123';
const log = (line: string) => console.error(`[forecasting] ${line}`);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const DAY_MS = 86_400_000;
const FIRST_DAY = Date.UTC(2024, 0, 1);
const dayText = Array.from({ length: DAYS }, (_, d) =>
  new Date(FIRST_DAY + d * DAY_MS).toISOString().slice(0, 10),
);

/** CSV lines of items [from, to), generated as the request is written (the client holds one block). */
function* csvBlocks(from: number, to: number): Generator<string> {
  yield 'item_id,date,units_sold\n';
  for (let item = from; item < to; item += 1) {
    const level = 5 + (item % 50);
    const lines: string[] = [];
    for (let d = 0; d < DAYS; d += 1) {
      const weekly = [0.6, 1, 1.1, 1.2, 1.3, 1.6, 0.8][(d + 1) % 7]!;
      const noise = ((item * 7919 + d * 104729) % 1000) / 1000;
      lines.push(
        `item-${String(item).padStart(5, '0')},${dayText[d]},${Math.round(level * weekly * (0.7 + 0.6 * noise))}`,
      );
    }
    yield `${lines.join('\n')}\n`;
  }
}

/** Streams one CSV request and answers its status, body and seconds. */
function postCsv(baseUrl: string, token: string, from: number, to: number) {
  return new Promise<{ status: number; body: string; seconds: number }>((resolve, reject) => {
    const started = performance.now();
    const request = http.request(`${baseUrl}/api/v1/demand`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${token}`,
        'content-type': 'text/csv',
        'transfer-encoding': 'chunked',
      },
    });
    request.on('error', reject);
    request.on('response', (response) => {
      let body = '';
      response.on('data', (chunk) => (body += chunk));
      response.on('end', () =>
        resolve({ status: response.statusCode ?? 0, body, seconds: (performance.now() - started) / 1000 }),
      );
    });
    const blocks = csvBlocks(from, to);
    const pump = () => {
      for (let next = blocks.next(); !next.done; next = blocks.next()) {
        if (!request.write(next.value)) return void request.once('drain', pump);
      }
      request.end();
    };
    pump();
  });
}

/** Samples this process's RSS (the server runs in it; the client holds one CSV block). */
function rssSampler() {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
  return { stop: () => (clearInterval(timer), peak) };
}

const mb = (bytes: number) => Math.round(bytes / 1024 ** 2);

/**
 * What `count` units of work cost in CPU, and the rate that cost allows on 2 free cores (Node
 * and PostgreSQL each on a core, or sharing both): the machine is shared, so wall time mostly
 * measures the neighbours; CPU seconds do not.
 */
function cpuLine(count: number, cpu: CpuSpent): { text: string; projected: number } {
  const node = cpu.node / 1000;
  const postgres = (cpu.postgres ?? 0) / 1000;
  const projected = count / Math.max(node, postgres, (node + postgres) / 2);
  return { text: `CPU node ${node.toFixed(1)} s + PostgreSQL ${postgres.toFixed(1)} s`, projected };
}

async function main() {
  const instance = await startBenchInstance({
    provisioningConcurrency: 2,
    env: {},
    extraRoutes: () => undefined,
    log,
  });
  const machine = describeMachine(`PostgreSQL ${instance.postgres.version} (${instance.postgres.source})`);
  const lines: string[] = [];
  const out = (line = '') => {
    lines.push(line);
    console.log(line);
  };
  try {
    const { services, baseUrl } = instance;
    out(`### Forecasting bench, ${new Date().toISOString()}`);
    out();
    out(
      `Command: \`npm run bench:forecasting${process.argv.length > 2 ? ` -- ${process.argv.slice(2).join(' ')}` : ''}\`. Machine: ${machine.nproc} cores (${machine.cpu}), ${machine.memoryGb} GB, ${machine.node}, ${machine.postgres}, code ${machine.code}; load (1 min) at start ${machine.loadStart.toFixed(2)}.`,
    );
    out();
    out(
      `${ITEMS.toLocaleString('en')} items × ${DAYS} days = ${(ITEMS * DAYS).toLocaleString('en')} rows per tenant, streamed CSV, ${ROWS_PER_REQUEST.toLocaleString('en')} rows per request.`,
    );
    out();
    out(
      '| model | ingest | rows/s (goal ≥ 200,000) | peak RSS MB (goal < 500) | seasonal_naive items/s (goal ≥ 5,000) | auto items/s (goal ≥ 200) | auto methods |',
    );
    out('|---|---|---|---|---|---|---|');
    for (const isolation of MODELS) {
      const id = `fc-${isolation}`;
      await createTenant(services.tenancy, {
        id,
        name: id,
        tier: 'enterprise',
        isolation,
        admin_email: `owner@${id}.bench`,
        admin_password: PASSWORD,
      });
      for (;;) {
        const row = await services.tenancy.registry.load(id as never);
        if (row?.status === 'active') break;
        if (row?.status === 'failed') throw new Error(`${id} failed`);
        await sleep(100);
      }
      const login = await fetch(`${baseUrl}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: `owner@${id}.bench`, password: PASSWORD, tenant_id: id }),
      });
      const token = ((await login.json()) as { data: { access_token: string } }).data.access_token;
      global.gc?.();
      const rss = rssSampler();
      const ingestCpu = startCpuMeter(instance.postmasterPid);
      const started = performance.now();
      const perRequest = Math.floor(ROWS_PER_REQUEST / DAYS);
      const requests: string[] = [];
      for (let from = 0; from < ITEMS; from += perRequest) {
        const answer = await postCsv(baseUrl, token, from, Math.min(ITEMS, from + perRequest));
        if (answer.status !== 200) throw new Error(`ingest ${answer.status}: ${answer.body.slice(0, 300)}`);
        requests.push(`${answer.seconds.toFixed(2)} s`);
      }
      const seconds = (performance.now() - started) / 1000;
      const peak = rss.stop();
      const rowsPerSecond = (ITEMS * DAYS) / seconds;
      const ingestCost = cpuLine(ITEMS * DAYS, ingestCpu());
      log(
        `${isolation}: ingest ${seconds.toFixed(2)} s (${requests.join(', ')}), ${Math.round(rowsPerSecond)} rows/s, peak RSS ${mb(peak)} MB`,
      );

      const runFor = async (method: string, itemIds?: string[]) => {
        const t0 = performance.now();
        if (process.env.FC_TRACE) console.error(`[trace] POST ${t0.toFixed(1)}`);
        const cpu = startCpuMeter(instance.postmasterPid);
        const startedRun = await fetch(`${baseUrl}/api/v1/forecast`, {
          method: 'POST',
          headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
          body: JSON.stringify({ horizon_days: 28, method, item_ids: itemIds }),
        });
        const run = ((await startedRun.json()) as { data: { id: string } }).data;
        for (;;) {
          const state = (await (
            await fetch(`${baseUrl}/api/v1/forecast-runs/${run.id}`, {
              headers: { authorization: `Bearer ${token}` },
            })
          ).json()) as {
            data: { status: string; error: string | null };
          };
          if (state.data.status === 'done') break;
          if (state.data.status === 'failed') throw new Error(`${method} run failed: ${state.data.error}`);
          // Every 20 ms at first, then every 5% of the time so far: each poll is a request the
          // server's CPU pays for, and a long run would otherwise pay for a thousand of them.
          await sleep(Math.min(250, Math.max(20, (performance.now() - t0) / 20)));
        }
        const runSeconds = (performance.now() - t0) / 1000;
        if (process.env.FC_TRACE) console.error(`[trace] seen done ${performance.now().toFixed(1)}`);
        const cost = cpuLine(ITEMS, cpu());
        if (itemIds) return undefined;
        const quality = (await (
          await fetch(`${baseUrl}/api/v1/forecast-runs/${run.id}/quality`, {
            headers: { authorization: `Bearer ${token}` },
          })
        ).json()) as {
          data: { overall: Record<string, number | null>; items: Array<{ method: string }> };
        };
        const methods = new Map<string, number>();
        for (const item of quality.data.items) methods.set(item.method, (methods.get(item.method) ?? 0) + 1);
        log(
          `${isolation}: ${method} ${runSeconds.toFixed(2)} s, ${Math.round(ITEMS / runSeconds)} items/s, overall ${JSON.stringify(quality.data.overall)}`,
        );
        return {
          itemsPerSecond: ITEMS / runSeconds,
          seconds: runSeconds,
          methods,
          overall: quality.data.overall,
          cost,
        };
      };
      // A one-item run first: the worker thread's start (under tsx it compiles the engine, about a
      // second) is paid once per process, not by the run measured next.
      await runFor('auto', ['item-00000']);
      const naives = [];
      if (METHODS.includes('seasonal_naive'))
        for (let k = 0; k < NAIVE_RUNS; k++) naives.push((await runFor('seasonal_naive'))!);
      const naive = naives[0];
      const auto = METHODS.includes('auto') ? (await runFor('auto'))! : undefined;
      const mix = [...(auto?.methods ?? [])]
        .sort((a, b) => b[1] - a[1])
        .map(([m, n]) => `${m} ${n}`)
        .join(', ');
      const n = (value: number) => Math.round(value).toLocaleString('en');
      const naiveCell = naives
        .map(
          (r) =>
            `${n(r.itemsPerSecond)} (${r.seconds.toFixed(2)} s); ${n(r.cost.projected)} (${r.cost.text})`,
        )
        .join('<br>');
      const autoCell = auto
        ? `${n(auto.itemsPerSecond)} (${auto.seconds.toFixed(2)} s); ${n(auto.cost.projected)} (${auto.cost.text})`
        : 'not run';
      out(
        `| ${isolation} | ${seconds.toFixed(2)} s (${requests.join(' + ')}); ${ingestCost.text} | ${n(rowsPerSecond)}; ${n(ingestCost.projected)} | ${mb(peak)} | ${naive ? naiveCell : 'not run'} | ${autoCell} | ${mix} |`,
      );
    }
    out();
    out(
      `Load (1 min) at the end: ${os.loadavg()[0]!.toFixed(2)}. RSS is this process's: the server with the client, which holds one item's CSV block at a time.`,
    );
  } finally {
    await instance.destroy();
  }
  const engineBench = path.join(import.meta.dirname, 'forecasting-engine.ts');
  if (existsSync(engineBench) && !process.argv.includes('--no-engine')) {
    log('running the engine bench (bench/forecasting-engine.ts)');
    const result = spawnSync(
      process.execPath,
      ['--import', 'tsx', engineBench, ...(quick ? ['--items', '400'] : [])],
      { stdio: 'inherit' },
    );
    if (result.status !== 0) throw new Error(`the engine bench exited ${result.status}`);
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
