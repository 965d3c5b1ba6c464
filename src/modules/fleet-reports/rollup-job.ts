import { sql } from 'kysely';
import type { Job, JobQueue } from '../../jobs/job-queue.js';
import type { TenantTraffic } from '../../observability/tenant-traffic.js';
import type { Tenancy } from '../../tenancy/tenancy.js';
import { flushTenantTraffic } from './flush-tenant-traffic.js';
import { rollupFleet } from './rollup-fleet.js';

export const FLEET_ROLLUP_JOB = 'reports.rollup';

/** How often the fleet reports are rolled up (SPEC §8: every 60 s). */
export const FLEET_ROLLUP_EVERY_MS = 60_000;

/**
 * Makes sure exactly one rollup is queued or running across all server processes: the check and
 * the insert share one advisory lock. Called at start and by each run for its successor.
 */
export async function scheduleFleetRollup(queue: JobQueue, runAt: Date, exceptJobId?: string): Promise<void> {
  await queue.db.transaction().execute(async (trx) => {
    await sql`select pg_advisory_xact_lock(hashtext(${FLEET_ROLLUP_JOB}))`.execute(trx);
    let pending = trx
      .selectFrom('platform.jobs')
      .select('id')
      .where('kind', '=', FLEET_ROLLUP_JOB)
      .where('status', 'in', ['queued', 'running']);
    if (exceptJobId) pending = pending.where('id', '<>', exceptJobId);
    if (await pending.executeTakeFirst()) return;
    await trx
      .insertInto('platform.jobs')
      .values({ kind: FLEET_ROLLUP_JOB, payload: '{}', run_at: runAt })
      .execute();
  });
}

/**
 * Flushes this process's own counts, rolls the fleet up, and queues the next run whatever
 * happened (a failed rollup is retried by its successor a minute later, never beside it).
 */
export function fleetRollupJob(tenancy: Tenancy, queue: JobQueue, traffic: TenantTraffic) {
  return async (job: Job) => {
    try {
      await flushTenantTraffic(tenancy.platformDb, traffic);
      return await rollupFleet(tenancy);
    } catch (error) {
      return { error: error instanceof Error ? error.message : String(error) };
    } finally {
      await scheduleFleetRollup(queue, new Date(Date.now() + FLEET_ROLLUP_EVERY_MS), job.id);
    }
  };
}
