import pg from 'pg';
import { afterAll, expect, it } from 'vitest';
import { type ServerProcess, startServerProcess } from '../support/server-process.js';
import { startTestInstance, type TestInstance } from '../support/test-instance.js';
import { demandRows, forecastingClient, runEnded } from './forecasting-calls.js';

/*
 * A server process works a forecast run chunk by chunk; the test holds the second chunk's write
 * (an uncommitted row with the key of its first quality row), SIGKILLs the process there, and a
 * restarted process must finish the run without rewriting the chunk already written.
 */
const ITEMS = 600;
let tb: TestInstance | undefined;
let server: ServerProcess | undefined;
afterAll(async () => {
  await server?.kill();
  await tb?.destroy();
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
async function until<T>(
  what: string,
  probe: () => Promise<T | undefined | false>,
  timeoutMs = 60_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(50);
  }
}

const item = (i: number) => `cr-${String(i).padStart(3, '0')}`;

it('resumes a killed run after its last written chunk and finishes it', { timeout: 240_000 }, async () => {
  tb = await startTestInstance({ extraEnv: { JOB_LEASE_SECONDS: '1' } });
  await tb.createTenant({ id: 'fcr', isolation: 'schema', tier: 'premium' });
  const owner = await tb.login('owner@fcr.test', 'owner-password-1', 'fcr');
  const rows = Array.from({ length: ITEMS }, (_, i) =>
    demandRows(item(i), 60, '2026-03-31', 5 + (i % 10)),
  ).flat();
  expect((await forecastingClient(tb, owner).post('/demand', { rows })).statusCode).toBe(200);
  const env = tb.env;
  await tb.close();

  // Queued with no worker running, so the test knows the run before any of it is computed.
  tb = await startTestInstance({ env: { ...env, JOB_CONCURRENCY: '0' } });
  const started = await forecastingClient(tb, owner).post('/forecast', { horizon_days: 7, method: 'ets' });
  expect(started.statusCode, started.body).toBe(202);
  const runId = started.json().data.id as string;
  await tb.close();
  tb = undefined;

  const db = new pg.Client({ connectionString: env.DATABASE_URL });
  await db.connect();
  const holder = new pg.Client({ connectionString: env.DATABASE_URL });
  await holder.connect();
  let firstChunk: Array<{ item_id: string; xmin: string }>;
  try {
    const holderPid = (await holder.query('select pg_backend_pid() as pid')).rows[0].pid as number;
    await holder.query('begin');
    await holder.query(
      `insert into t_fcr.forecast_item_quality (tenant_id, run_id, item_id, method, last_date, holdout_days,
         abs_error_sum, actual_sum, forecast_sum, ape_sum, ape_count)
       values ('fcr', $1, $2, 'held', '2026-03-31', 0, 0, 0, 0, 0, 0)`,
      [runId, item(200)],
    );
    server = await startServerProcess({ ...env, JOB_LEASE_SECONDS: '1', JOB_CONCURRENCY: '2' });
    await until('the second chunk waiting on the held row', async () => {
      const waiting = await db.query(
        `select count(*)::int as n from pg_stat_activity where $1::int = any(pg_blocking_pids(pid))`,
        [holderPid],
      );
      return waiting.rows[0].n > 0;
    }).catch((error: Error) => {
      throw new Error(`${error.message}\n${server?.output()}`);
    });
    const run = await db.query('select status, items_done from t_fcr.forecast_runs where id = $1', [runId]);
    expect(run.rows[0]).toEqual({ status: 'running', items_done: 200 });
    firstChunk = (
      await db.query(
        'select item_id, xmin::text as xmin from t_fcr.forecast_item_quality where run_id = $1 order by item_id',
        [runId],
      )
    ).rows;
    expect(firstChunk).toHaveLength(200);
    await server.kill();
    server = undefined;
    await holder.query('rollback');
  } finally {
    await holder.end();
  }

  tb = await startTestInstance({ env: { ...env, JOB_CONCURRENCY: '2' } });
  const done = await runEnded(forecastingClient(tb, owner), runId);
  expect(done).toMatchObject({ status: 'done', items_done: ITEMS, item_count: ITEMS, error: null });
  const after = await db.query(
    'select item_id, xmin::text as xmin from t_fcr.forecast_item_quality where run_id = $1 order by item_id',
    [runId],
  );
  expect(after.rows).toHaveLength(ITEMS);
  // The first chunk's rows are the very rows written before the kill: not computed again.
  expect(after.rows.slice(0, 200)).toEqual(firstChunk);
  const points = await db.query(
    'select count(*)::int as n, sum(cardinality(units))::int as days from t_fcr.forecast_points where run_id = $1',
    [runId],
  );
  expect(points.rows[0]).toEqual({ n: ITEMS, days: ITEMS * 7 });
  await db.end();
});
