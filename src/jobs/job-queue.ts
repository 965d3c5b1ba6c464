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
}

export interface EnqueueOptions {
  tenantId?: string | null;
  runAt?: Date;
  maxAttempts?: number;
}

/** Channel a worker listens on so a new job starts without waiting for the next poll. */
export const JOBS_CHANNEL = 'tenantbase_jobs';

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
    await sql`select pg_notify(${JOBS_CHANNEL}, ${kind})`.execute(this.db).catch(() => undefined);
    return String(row.id);
  }

  /**
   * Leases the next ready job to `worker`. A running job whose lease ran out (its process died)
   * is ready again, which is how a crash mid-provisioning resumes on restart.
   */
  async claim(worker: string, leaseSeconds: number, kinds: string[]): Promise<Job | undefined> {
    const result = await sql<{
      id: string;
      kind: string;
      tenant_id: string | null;
      payload: Record<string, unknown>;
      attempts: number;
      max_attempts: number;
    }>`
      update platform.jobs set status = 'running', locked_by = ${worker},
        locked_until = now() + make_interval(secs => ${leaseSeconds}), attempts = attempts + 1, updated_at = now()
      where id = (
        select id from platform.jobs
        where kind = any(${kinds}::text[])
          and ((status = 'queued' and run_at <= now()) or (status = 'running' and locked_until < now()))
        order by run_at, id
        for update skip locked
        limit 1
      )
      returning id, kind, tenant_id, payload, attempts, max_attempts`.execute(this.db);
    const row = result.rows[0];
    if (!row) return undefined;
    return {
      id: String(row.id),
      kind: row.kind,
      tenantId: row.tenant_id,
      payload: row.payload,
      attempts: row.attempts,
      maxAttempts: row.max_attempts,
    };
  }

  /** Extends the lease of a job still being worked on. */
  async heartbeat(id: string, worker: string, leaseSeconds: number): Promise<void> {
    await sql`update platform.jobs set locked_until = now() + make_interval(secs => ${leaseSeconds})
      where id = ${id} and locked_by = ${worker} and status = 'running'`.execute(this.db);
  }

  async complete(id: string, result: unknown): Promise<void> {
    await this.db
      .updateTable('platform.jobs')
      .set({
        status: 'done',
        result: JSON.stringify(result ?? null),
        locked_by: null,
        locked_until: null,
        payload: '{}',
        updated_at: new Date(),
      })
      .where('id', '=', id)
      .execute();
  }

  /** Records a failure; the job is retried with backoff until it runs out of attempts. */
  async fail(job: Job, error: string, retry: boolean): Promise<void> {
    const final = !retry || job.attempts >= job.maxAttempts;
    await this.db
      .updateTable('platform.jobs')
      .set({
        status: final ? 'failed' : 'queued',
        last_error: error.slice(0, 2000),
        locked_by: null,
        locked_until: null,
        run_at: new Date(Date.now() + Math.min(60_000, 1000 * 2 ** job.attempts)),
        updated_at: new Date(),
      })
      .where('id', '=', job.id)
      .execute();
  }
}
