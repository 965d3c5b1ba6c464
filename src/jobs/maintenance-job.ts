import { sql } from 'kysely';
import { purgeExpiredRefreshTokens } from '../identity/refresh-tokens.js';
import { purgeTokenGenerations } from '../identity/token-revocations.js';
import type { Job, JobQueue } from './job-queue.js';

export const MAINTENANCE_JOB = 'platform.maintenance';

/** How often expired sessions and old finished jobs are cleared. */
export const MAINTENANCE_EVERY_MS = 60 * 60_000;

/** Finished jobs are kept this long for operators to read, then deleted. */
const KEEP_FINISHED_JOBS_DAYS = 7;

/**
 * Makes sure exactly one maintenance run is queued or running across all server processes: the
 * check and the insert share one advisory lock. Called at start and by the run itself.
 */
export async function scheduleMaintenance(queue: JobQueue, runAt: Date, exceptJobId?: string): Promise<void> {
  await queue.db.transaction().execute(async (trx) => {
    await sql`select pg_advisory_xact_lock(hashtext(${MAINTENANCE_JOB}))`.execute(trx);
    let pending = trx
      .selectFrom('platform.jobs')
      .select('id')
      .where('kind', '=', MAINTENANCE_JOB)
      .where('status', 'in', ['queued', 'running']);
    if (exceptJobId) pending = pending.where('id', '<>', exceptJobId);
    if (await pending.executeTakeFirst()) return;
    await trx
      .insertInto('platform.jobs')
      .values({ kind: MAINTENANCE_JOB, payload: '{}', run_at: runAt })
      .execute();
  });
}

/** A module's own clean-up, run by each maintenance pass; answers how many rows it removed. */
export type MaintenanceTask = () => Promise<number>;

/**
 * Deletes expired refresh tokens, old token generations, old finished jobs and whatever the
 * modules' `tasks` clear (each reported under its name), then queues the next run.
 */
export function maintenanceJob(queue: JobQueue, tasks: Record<string, MaintenanceTask> = {}) {
  return async (job: Job) => {
    const refreshTokens = await purgeExpiredRefreshTokens(queue.db);
    const tokenGenerations = await purgeTokenGenerations(queue.db);
    const jobs = await queue.db
      .deleteFrom('platform.jobs')
      .where('status', 'in', ['done', 'failed'])
      .where('kind', '<>', 'tenant.provision') // a failed provisioning job is what `retry` re-queues
      .where('updated_at', '<', sql<Date>`now() - make_interval(days => ${KEEP_FINISHED_JOBS_DAYS})`)
      .executeTakeFirst();
    const cleared: Record<string, number> = {};
    for (const [name, task] of Object.entries(tasks)) cleared[name] = await task();
    await scheduleMaintenance(queue, new Date(Date.now() + MAINTENANCE_EVERY_MS), job.id);
    return {
      refresh_tokens_deleted: refreshTokens,
      token_generations_deleted: tokenGenerations,
      jobs_deleted: Number(jobs.numDeletedRows),
      ...cleared,
    };
  };
}
