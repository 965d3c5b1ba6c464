import { sql } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import { AppError } from '../../errors.js';
import type { JobQueue } from '../../jobs/job-queue.js';
import type { TenantScope } from '../../tenancy/tenant-scope.js';
import { recordAudit } from '../audit/record-audit.js';
import { type ForecastRunRow, RUN_COLUMNS } from './forecast-run-row.js';
import type { CreateForecastBody } from './forecasting.schema.js';

/** The quota a run's item count is checked against (SPEC §8 Decisions). */
export const ITEMS_PER_RUN_QUOTA = 'forecasting_items_per_run';

/** The job kind that computes a run, chunk by chunk. */
export const FORECAST_RUN_JOB = 'forecasting.run';

/**
 * Items the run covers: the ones asked for (each must have history), or every item with history.
 * Both walk the primary key, one descent per item (a skip scan for the whole list), instead of
 * reading every row of history.
 */
async function runItems(scope: TenantScope, asked: string[] | undefined): Promise<string[]> {
  const table = sql.id(scope.schema, 'ts_demand_daily');
  const found = asked
    ? await sql<{ item_id: string }>`
        select a.item_id from unnest(${asked}::text[]) as a(item_id)
         where exists (select from ${table} d where d.tenant_id = ${scope.tenantId} and d.item_id = a.item_id)
         group by a.item_id order by a.item_id`.execute(scope.db)
    : await sql<{ item_id: string }>`
        with recursive items(item_id) as (
          (select d.item_id from ${table} d where d.tenant_id = ${scope.tenantId} order by d.item_id limit 1)
          union all
          select (select d.item_id from ${table} d
                   where d.tenant_id = ${scope.tenantId} and d.item_id > items.item_id
                   order by d.item_id limit 1)
            from items where items.item_id is not null
        )
        select item_id from items where item_id is not null`.execute(scope.db);
  const items = found.rows.map((row) => row.item_id);
  if (asked && items.length < new Set(asked).size) {
    const known = new Set(items);
    const index = asked.findIndex((item) => !known.has(item));
    throw new AppError('VALIDATION_FAILED', 'The request is invalid', {
      details: [{ path: `item_ids[${index}]`, message: 'has no demand history' }],
    });
  }
  return items;
}

/**
 * Records a queued run over the items' current history and queues its job once the run is
 * committed. `itemLimit` is the tier's items-per-run quota (null: unlimited).
 */
export async function createForecastRun(
  scope: TenantScope,
  jobs: JobQueue,
  input: CreateForecastBody,
  itemLimit: number | null,
): Promise<ForecastRunRow> {
  const holdout = input.holdout_days ?? Math.min(input.horizon_days, 28);
  const items = await runItems(scope, input.item_ids);
  if (itemLimit !== null && items.length > itemLimit) {
    throw new AppError(
      'LIMIT_EXCEEDED',
      `A forecast run on this tier covers at most ${itemLimit} items; this one would cover ${items.length}`,
    );
  }
  const row = await scope.db
    .insertInto('forecast_runs')
    .values({
      tenant_id: scope.tenantId,
      id: uuidv7(),
      status: 'queued',
      method: input.method ?? 'auto',
      horizon_days: input.horizon_days,
      season_length: input.season_length ?? 7,
      holdout_days: holdout,
      item_ids: items,
      item_count: items.length,
      items_done: 0,
      created_at: new Date(),
    })
    .returning(RUN_COLUMNS)
    .executeTakeFirstOrThrow();
  await recordAudit(scope, {
    action: 'forecast_run.create',
    targetType: 'forecast_run',
    targetId: row.id,
    after: { method: row.method, horizon_days: row.horizon_days, item_count: row.item_count },
  });
  scope.afterCommit(async () => {
    await jobs.enqueue(FORECAST_RUN_JOB, { run_id: row.id }, { tenantId: scope.tenantId });
  });
  return row;
}
