import { sql } from 'kysely';
import type { Job, JobQueue } from '../../jobs/job-queue.js';
import type { Tenancy } from '../../tenancy/tenancy.js';
import { sweepUnsealedAudit } from './sweep-unsealed-audit.js';

export const AUDIT_SWEEP_JOB = 'audit.seal-sweep';

/** Entries the sweep leaves to their own sealer: a live process seals within milliseconds. */
export const AUDIT_SWEEP_OLDER_THAN_MS = 5_000;

/** Storages the sweep looks into at once. */
const CONCURRENCY = 4;

/**
 * Makes sure exactly one sweep is queued or running across all server processes: the check and
 * the insert share one advisory lock. Called at start and by the sweep itself with what the next
 * run needs to skip idle tenant databases.
 */
export async function scheduleAuditSweep(
  queue: JobQueue,
  runAt: Date,
  exceptJobId?: string,
  payload: Record<string, unknown> = {},
): Promise<void> {
  await queue.db.transaction().execute(async (trx) => {
    await sql`select pg_advisory_xact_lock(hashtext(${AUDIT_SWEEP_JOB}))`.execute(trx);
    let pending = trx
      .selectFrom('platform.jobs')
      .select('id')
      .where('kind', '=', AUDIT_SWEEP_JOB)
      .where('status', 'in', ['queued', 'running']);
    if (exceptJobId) pending = pending.where('id', '<>', exceptJobId);
    if (await pending.executeTakeFirst()) return;
    await trx
      .insertInto('platform.jobs')
      .values({ kind: AUDIT_SWEEP_JOB, payload: JSON.stringify(payload), run_at: runAt })
      .execute();
  });
}

const asCounts = (value: unknown): Record<string, number> | undefined =>
  value && typeof value === 'object' ? (value as Record<string, number>) : undefined;

/**
 * Seals audit tails left unsealed for longer than AUDIT_SWEEP_OLDER_THAN_MS (see
 * sweep-unsealed-audit.ts), then queues the next sweep `everyMs` later whatever happened, so the
 * chain of sweeps never breaks.
 */
export function auditSweepJob(tenancy: Tenancy, queue: JobQueue, everyMs: number) {
  return async (job: Job) => {
    const outcome = await sweepUnsealedAudit(tenancy, {
      olderThanMs: AUDIT_SWEEP_OLDER_THAN_MS,
      concurrency: CONCURRENCY,
      inserted: asCounts(job.payload.inserted),
      recheck: Array.isArray(job.payload.recheck) ? (job.payload.recheck as string[]) : undefined,
    }).catch((error: unknown) => ({ error: error instanceof Error ? error.message : String(error) }));
    const next = 'error' in outcome ? job.payload : { inserted: outcome.inserted, recheck: outcome.recheck };
    await scheduleAuditSweep(queue, new Date(Date.now() + everyMs), job.id, next);
    return 'error' in outcome
      ? outcome
      : { checked: outcome.checked, sealed: outcome.sealed, tenants: outcome.tenants };
  };
}
