import { sql } from 'kysely';
import type { Job, JobQueue } from '../../jobs/job-queue.js';
import { inJobTenant } from '../../jobs/in-job-tenant.js';
import { PermanentJobError } from '../../jobs/job-worker.js';
import type { Tenancy } from '../../tenancy/tenancy.js';
import type { TenantScope } from '../../tenancy/tenant-scope.js';
import type { ForecastEngine, RequestedMethod } from './engine/forecast-engine.js';
import { FORECAST_RUN_JOB } from './create-forecast-run.js';
import { readHistories } from './forecast-histories.js';
import type { ForecastRunRow } from './forecast-run-row.js';
import { writeForecasts } from './write-forecasts.js';

export interface ForecastRunJobOptions {
  /** Items fitted and written per transaction. */
  chunkItems?: (method: string) => number;
  /** After this long a job hands the rest of its run to a fresh job, behind other tenants' work. */
  sliceMs?: number;
}

const defaultChunk = (method: string) => (method === 'seasonal_naive' ? 1000 : 200);

/** Chunks read at once ahead of the fitting, each on its own connection. */
const READ_AHEAD = 2;

/** Seasons of recent history seasonal naive learns its interval width and MASE scale from. */
export const SEASONAL_NAIVE_SEASONS = 8;

/**
 * Rows of history a run's method reads per item: seasonal naive repeats the last season, so it
 * needs its holdout and a few seasons before it (for the residual variance and the MASE scale);
 * every other method fits the whole history.
 */
function historyRows(run: Pick<RunState, 'method' | 'season_length' | 'holdout_days'>): number | undefined {
  return run.method === 'seasonal_naive'
    ? run.holdout_days + SEASONAL_NAIVE_SEASONS * Math.max(1, run.season_length)
    : undefined;
}

/** The promise itself, marked as handled: a pipeline stage left behind by an error never becomes an unhandled rejection. */
function quiet<T>(promise: Promise<T>): Promise<T> {
  promise.catch(() => undefined);
  return promise;
}

type RunState = Pick<
  ForecastRunRow,
  | 'id'
  | 'status'
  | 'method'
  | 'horizon_days'
  | 'season_length'
  | 'holdout_days'
  | 'item_count'
  | 'items_done'
  | 'created_at'
>;

async function loadRun(scope: TenantScope, runId: string): Promise<RunState | undefined> {
  return scope.db
    .selectFrom('forecast_runs')
    .select([
      'id',
      'status',
      'method',
      'horizon_days',
      'season_length',
      'holdout_days',
      'item_count',
      'items_done',
      'created_at',
    ])
    .where('tenant_id', '=', scope.tenantId)
    .where('id', '=', runId)
    .executeTakeFirst();
}

/** The oldest run of the tenant not yet finished: the only one that may work (one at a time per tenant). */
async function firstUnfinished(scope: TenantScope): Promise<string | undefined> {
  const row = await scope.db
    .selectFrom('forecast_runs')
    .select('id')
    .where('tenant_id', '=', scope.tenantId)
    .where('status', 'in', ['queued', 'running'])
    .orderBy('created_at')
    .orderBy('id')
    .limit(1)
    .executeTakeFirst();
  return row?.id;
}

async function finish(
  scope: TenantScope,
  runId: string,
  status: 'done' | 'failed',
  error: string | null,
): Promise<void> {
  await scope.db
    .updateTable('forecast_runs')
    .set({ status, error, finished_at: new Date() })
    .where('tenant_id', '=', scope.tenantId)
    .where('id', '=', runId)
    .where('status', 'in', ['queued', 'running'])
    .execute();
}

/** Queues the tenant's next waiting run, if any, once the current one has ended. */
async function startNext(tenancy: Tenancy, jobs: JobQueue, job: Job): Promise<void> {
  const next = await inJobTenant(tenancy, job, firstUnfinished);
  if (next) await jobs.enqueue(FORECAST_RUN_JOB, { run_id: next }, { tenantId: job.tenantId });
}

/**
 * Computes a forecast run in chunks: read the chunk's histories, fit them in the engine's worker
 * threads, write forecasts and quality with `items_done` in one short transaction. A job that
 * dies is claimed again and continues after the last written chunk; one tenant runs one run at a
 * time (the oldest), and a long run yields its worker every `sliceMs` so other tenants' runs
 * interleave with it instead of waiting for it to end.
 */
export function forecastRunJob(
  tenancy: Tenancy,
  jobs: JobQueue,
  engine: ForecastEngine,
  options: ForecastRunJobOptions = {},
) {
  const chunkItems = options.chunkItems ?? defaultChunk;
  const sliceMs = options.sliceMs ?? 5000;
  return async (job: Job): Promise<unknown> => {
    const runId = String(job.payload.run_id ?? '');
    const started = Date.now();
    const begin = await inJobTenant(tenancy, job, async (scope) => {
      const run = await loadRun(scope, runId);
      if (!run) throw new PermanentJobError(`forecast run ${runId} is gone`);
      if (run.status === 'done' || run.status === 'failed') return { run, go: false };
      const first = await firstUnfinished(scope);
      if (first !== run.id) return { run, go: false, waiting: true };
      if (run.status === 'queued') {
        await scope.db
          .updateTable('forecast_runs')
          .set({ status: 'running', started_at: new Date() })
          .where('tenant_id', '=', scope.tenantId)
          .where('id', '=', run.id)
          .execute();
        run.status = 'running';
      }
      return { run, go: true };
    });
    if (!begin.go)
      return { run_id: runId, skipped: begin.waiting ? 'an older run of this tenant goes first' : 'ended' };
    const run = begin.run;
    let done = run.items_done;
    const size = chunkItems(run.method);
    const lastRows = historyRows(run);
    const readChunk = (from: number) =>
      quiet(
        inJobTenant(tenancy, job, async (scope) => {
          const row = await scope.db
            .selectFrom('forecast_runs')
            .select(sql<string[]>`item_ids[${from + 1}:${from + size}]`.as('items'))
            .where('tenant_id', '=', scope.tenantId)
            .where('id', '=', run.id)
            .executeTakeFirstOrThrow();
          return { items: row.items, series: await readHistories(scope, row.items, lastRows) };
        }),
      );
    let writing: Promise<boolean> | undefined;
    try {
      // A pipeline: the next chunks are read, on connections of their own, and the last one
      // written while the worker threads fit. READ_AHEAD reads at once, so PostgreSQL reads on
      // both cores when the fitting is cheaper than the reading (seasonal naive).
      const reads: Array<ReturnType<typeof readChunk>> = [];
      let readFrom = done;
      const readMore = () => {
        while (reads.length < READ_AHEAD && readFrom < run.item_count) {
          reads.push(readChunk(readFrom));
          readFrom += size;
        }
      };
      readMore();
      let reading = reads.shift();
      while (reading) {
        const { items, series } = await reading;
        const fitting = engine.forecast(series, {
          method: run.method as RequestedMethod,
          horizon: run.horizon_days,
          seasonLength: run.season_length,
          holdoutDays: run.holdout_days,
        });
        const next = done + items.length;
        readMore();
        reading = reads.shift();
        const forecasts = await fitting;
        if (writing && !(await writing))
          return { run_id: run.id, skipped: 'another worker advanced this run' };
        const from = done;
        writing = quiet(
          inJobTenant(tenancy, job, (scope) =>
            writeForecasts(scope, run.id, from, series, forecasts, items.length),
          ),
        );
        done = next;
        if (reading && Date.now() - started > sliceMs) {
          if (!(await writing)) return { run_id: run.id, skipped: 'another worker advanced this run' };
          await jobs.enqueue(FORECAST_RUN_JOB, { run_id: run.id }, { tenantId: job.tenantId });
          return { run_id: run.id, items_done: done, continued: true };
        }
      }
      if (writing && !(await writing)) return { run_id: run.id, skipped: 'another worker advanced this run' };
      await inJobTenant(tenancy, job, (scope) => finish(scope, run.id, 'done', null));
    } catch (error) {
      // A write still under way ends before the job does, so the retry starts from its items_done.
      await writing?.catch(() => undefined);
      if (!(error instanceof PermanentJobError) && job.attempts < job.maxAttempts) throw error;
      const message = error instanceof Error ? error.message : String(error);
      await inJobTenant(tenancy, job, (scope) => finish(scope, run.id, 'failed', message.slice(0, 500)));
    }
    await startNext(tenancy, jobs, job);
    return { run_id: run.id, items_done: done };
  };
}

/** When the run's jobs died on every attempt, the run says so instead of staying `running`. */
export function forecastRunGaveUp(tenancy: Tenancy, jobs: JobQueue) {
  return async (job: Job, error: string): Promise<void> => {
    const runId = String(job.payload.run_id ?? '');
    await inJobTenant(tenancy, job, (scope) => finish(scope, runId, 'failed', error.slice(0, 500)));
    await startNext(tenancy, jobs, job);
  };
}
