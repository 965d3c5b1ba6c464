import { type Kysely, sql } from 'kysely';
import type { PlatformDatabase } from '../db/platform-database.js';
import { requestContext } from '../tenancy/tenant-context.js';

/** A claimed job: what a handler gets. */
export interface Job {
  id: string;
  kind: string;
  tenantId: string | null;
  payload: Record<string, unknown>;
  attempts: number;
  maxAttempts: number;
  /** Fencing token of this claim: every later write to the job must present it. */
  leaseToken: string;
}

export interface EnqueueOptions {
  tenantId?: string | null;
  runAt?: Date;
  maxAttempts?: number;
}

/** Channel a worker listens on so a new job starts without waiting for the next poll. */
export const JOBS_CHANNEL = 'tenantbase_jobs';

/** A job's columns as a claim returns them. */
interface JobRow {
  id: string;
  kind: string;
  tenant_id: string | null;
  payload: Record<string, unknown>;
  attempts: number;
  max_attempts: number;
}

function toJob(row: JobRow, leaseToken: string): Job {
  return {
    id: String(row.id),
    kind: row.kind,
    tenantId: row.tenant_id,
    payload: row.payload,
    attempts: row.attempts,
    maxAttempts: row.max_attempts,
    leaseToken,
  };
}

/**
 * The job queue in the platform database. PostgreSQL rather than Redis because it is always
 * there (the embedded default has no Redis), a job commits atomically with the registry change
 * that needs it, and `FOR UPDATE SKIP LOCKED` lets any number of server processes share it.
 */
export class JobQueue {
  constructor(readonly db: Kysely<PlatformDatabase>) {}

  async enqueue(
    kind: string,
    payload: Record<string, unknown>,
    options: EnqueueOptions = {},
  ): Promise<string> {
    const row = await this.db
      .insertInto('platform.jobs')
      .values({
        kind,
        // A job enqueued inside a tenant's request belongs to that tenant unless told otherwise.
        tenant_id:
          options.tenantId !== undefined ? options.tenantId : (requestContext.current()?.tenantId ?? null),
        payload: JSON.stringify(payload),
        run_at: options.runAt ?? new Date(),
        ...(options.maxAttempts ? { max_attempts: options.maxAttempts } : {}),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await this.notify(kind);
    return String(row.id);
  }

  /** Wakes the workers listening, for a job inserted by other means (e.g. in a caller's transaction). */
  async notify(kind: string): Promise<void> {
    await sql`select pg_notify(${JOBS_CHANNEL}, ${kind})`.execute(this.db).catch(() => undefined);
  }

  /**
   * Inserts a job already leased to `worker`: work that runs right here (a request) but must be
   * finished or undone by another process if this one dies, which it sees as an expired lease.
   */
  async enqueueLeased(
    kind: string,
    payload: Record<string, unknown>,
    tenantId: string | null,
    worker: string,
    leaseSeconds: number,
  ): Promise<Job> {
    const result = await sql<{ id: string; attempts: number; max_attempts: number; lease_token: string }>`
      insert into platform.jobs (kind, tenant_id, payload, status, locked_by, lease_token, locked_until)
      values (${kind}, ${tenantId}, ${JSON.stringify(payload)}::jsonb, 'running', ${worker}, gen_random_uuid(),
        now() + make_interval(secs => ${leaseSeconds}))
      returning id, attempts, max_attempts, lease_token`.execute(this.db);
    const row = result.rows[0]!;
    return {
      id: String(row.id),
      kind,
      tenantId,
      payload,
      attempts: row.attempts,
      maxAttempts: row.max_attempts,
      leaseToken: row.lease_token,
    };
  }

  /**
   * Leases the next ready job to `worker`. A running job whose lease ran out (its process died)
   * is ready again, which is how a crash mid-provisioning resumes on restart; every claim counts
   * an attempt, and one that died on its last attempt is not claimed again (see failExhaustedLeases).
   */
  async claim(worker: string, leaseSeconds: number, kinds: string[]): Promise<Job | undefined> {
    const result = await sql<JobRow & { lease_token: string }>`
      update platform.jobs set status = 'running', locked_by = ${worker}, lease_token = gen_random_uuid(),
        locked_until = now() + make_interval(secs => ${leaseSeconds}), attempts = attempts + 1, updated_at = now()
      where id = (
        select id from platform.jobs
        where kind = any(${kinds}::text[])
          and ((status = 'queued' and run_at <= now())
            or (status = 'running' and locked_until < now() and attempts < max_attempts))
        order by run_at, id
        for update skip locked
        limit 1
      )
      returning id, kind, tenant_id, payload, attempts, max_attempts, lease_token`.execute(this.db);
    const row = result.rows[0];
    if (!row) return undefined;
    return toJob(row, row.lease_token);
  }

  /**
   * Ends `failed` every job whose process died on its last allowed attempt (claim skips them), and
   * returns them with the reason, so the owner of each kind can mark what it was doing as failed.
   */
  async failExhaustedLeases(kinds: string[]): Promise<Array<Job & { error: string }>> {
    const result = await sql<JobRow & { last_error: string }>`
      update platform.jobs set status = 'failed', locked_by = null, lease_token = null, locked_until = null,
        last_error = 'lease expired on attempt ' || attempts || ' of ' || max_attempts
          || ' (the process running it stopped)' || coalesce('; before: ' || left(last_error, 1800), ''),
        updated_at = now()
      where id in (
        select id from platform.jobs
        where kind = any(${kinds}::text[]) and status = 'running' and locked_until < now()
          and attempts >= max_attempts
        for update skip locked
      )
      returning id, kind, tenant_id, payload, attempts, max_attempts, last_error`.execute(this.db);
    // Their lease is gone: no heartbeat, completion or release of theirs can match any more.
    return result.rows.map((row) => ({ ...toJob(row, ''), error: row.last_error }));
  }

  /** Extends the lease of a job still being worked on; false when the lease was lost to another claim. */
  async heartbeat(job: Job, leaseSeconds: number): Promise<boolean> {
    const result =
      await sql`update platform.jobs set locked_until = now() + make_interval(secs => ${leaseSeconds})
      where id = ${job.id} and lease_token = ${job.leaseToken}::uuid and status = 'running'`.execute(this.db);
    return Number(result.numAffectedRows ?? 0) > 0;
  }

  /** Records the result; false (and nothing written) when this claim's lease was lost meanwhile. */
  async complete(job: Job, result: unknown): Promise<boolean> {
    const updated = await this.db
      .updateTable('platform.jobs')
      .set({
        status: 'done',
        result: JSON.stringify(result ?? null),
        locked_by: null,
        locked_until: null,
        lease_token: null,
        payload: '{}',
        updated_at: new Date(),
      })
      .where('id', '=', job.id)
      .where('lease_token', '=', job.leaseToken)
      .where('status', '=', 'running')
      .executeTakeFirst();
    return updated.numUpdatedRows > 0n;
  }

  /**
   * Records a failure; the job is retried with backoff until it runs out of attempts. False (and
   * nothing written) when this claim's lease was lost meanwhile.
   */
  async fail(job: Job, error: string, retry: boolean): Promise<boolean> {
    const final = !retry || job.attempts >= job.maxAttempts;
    const updated = await this.db
      .updateTable('platform.jobs')
      .set({
        status: final ? 'failed' : 'queued',
        last_error: error.slice(0, 2000),
        locked_by: null,
        locked_until: null,
        lease_token: null,
        run_at: new Date(Date.now() + Math.min(60_000, 1000 * 2 ** job.attempts)),
        updated_at: new Date(),
      })
      .where('id', '=', job.id)
      .where('lease_token', '=', job.leaseToken)
      .where('status', '=', 'running')
      .executeTakeFirst();
    return updated.numUpdatedRows > 0n;
  }

  /**
   * Hands a job back unfinished (a graceful shutdown): ready at once for another process, and the
   * attempt is not counted against it because the job did not fail.
   */
  async release(job: Job): Promise<boolean> {
    const updated = await sql`update platform.jobs set status = 'queued', run_at = now(),
        attempts = greatest(attempts - 1, 0), locked_by = null, locked_until = null, lease_token = null,
        updated_at = now()
      where id = ${job.id} and lease_token = ${job.leaseToken}::uuid and status = 'running'`.execute(this.db);
    if (Number(updated.numAffectedRows ?? 0) === 0) return false;
    await sql`select pg_notify(${JOBS_CHANNEL}, ${job.kind})`.execute(this.db).catch(() => undefined);
    return true;
  }
}
