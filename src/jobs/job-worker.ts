import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { requestContext } from '../tenancy/tenant-context.js';
import { isTenantId } from '../tenancy/tenant-id.js';
import { type Job, JOBS_CHANNEL, type JobQueue } from './job-queue.js';

/** Handles one kind of job; throwing `PermanentJobError` stops retries. */
export type JobHandler = (job: Job) => Promise<unknown>;

/**
 * Marks what a job was doing as failed when the job ran out of attempts without an answer (its
 * process died every time), since its handler never got to say so.
 */
export type GiveUpHandler = (job: Job, error: string) => Promise<void>;

/** A failure that retrying cannot fix (bad input, a tenant that is gone). */
export class PermanentJobError extends Error {}

export interface JobWorkerOptions {
  concurrency: number;
  pollMs: number;
  leaseSeconds: number;
  /** Listens for new jobs here, so they start at once rather than on the next poll. */
  listenUrl?: string;
  onOutcome?: (kind: string, outcome: 'done' | 'retry' | 'failed') => void;
  onError?: (error: unknown) => void;
}

/**
 * Runs queued jobs in this process. Each job runs inside the context of the tenant it carries,
 * so its logs, audit records and storage are that tenant's and no other's.
 */
export class JobWorker {
  readonly id = `worker-${randomUUID()}`;
  private readonly handlers = new Map<string, JobHandler>();
  private readonly giveUps = new Map<string, GiveUpHandler>();
  private readonly running = new Map<string, Job>();
  private stopped = true;
  private timer: NodeJS.Timeout | undefined;
  private listener: pg.Client | undefined;
  private readonly idle = new Set<() => void>();

  constructor(
    private readonly queue: JobQueue,
    private readonly options: JobWorkerOptions,
  ) {}

  register(kind: string, handler: JobHandler, onGiveUp?: GiveUpHandler): void {
    this.handlers.set(kind, handler);
    if (onGiveUp) this.giveUps.set(kind, onGiveUp);
  }

  async start(): Promise<void> {
    this.stopped = false;
    if (this.options.listenUrl) {
      const listener = new pg.Client({ connectionString: this.options.listenUrl });
      listener.on('error', () => undefined);
      try {
        await listener.connect();
        await listener.query(`listen ${JOBS_CHANNEL}`);
        listener.on('notification', () => this.poke());
        this.listener = listener;
      } catch {
        await listener.end().catch(() => undefined);
      }
    }
    this.schedule(0);
  }

  /** Checks for work now instead of at the next poll. */
  poke(): void {
    if (!this.stopped) this.schedule(0);
  }

  private schedule(delay: number): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.fill(), delay);
  }

  private async fill(): Promise<void> {
    if (this.stopped) return;
    try {
      for (const job of await this.queue.failExhaustedLeases([...this.handlers.keys()])) {
        this.options.onOutcome?.(job.kind, 'failed');
        const giveUp = this.giveUps.get(job.kind);
        if (giveUp) await giveUp(job, job.error).catch((error: unknown) => this.options.onError?.(error));
      }
      while (!this.stopped && this.running.size < this.options.concurrency) {
        const job = await this.queue.claim(this.id, this.options.leaseSeconds, [...this.handlers.keys()]);
        if (!job) break;
        if (this.stopped) {
          // Claimed while stopping: hand it straight back rather than start it.
          await this.queue.release(job);
          break;
        }
        this.running.set(job.id, job);
        void this.run(job).finally(() => {
          this.running.delete(job.id);
          if (this.running.size === 0) for (const resolve of this.idle) resolve();
          this.poke();
        });
      }
    } catch (error) {
      this.options.onError?.(error);
    }
    if (!this.stopped) this.schedule(this.options.pollMs);
  }

  private async run(job: Job): Promise<void> {
    const handler = this.handlers.get(job.kind)!;
    const lost = () => this.options.onError?.(new Error(`job ${job.id} (${job.kind}) lost its lease`));
    const heartbeat = setInterval(
      () =>
        void this.queue.heartbeat(job, this.options.leaseSeconds).then(
          (held) => held || lost(),
          () => undefined,
        ),
      (this.options.leaseSeconds * 1000) / 3,
    );
    const tenantId = job.tenantId && isTenantId(job.tenantId) ? job.tenantId : null;
    try {
      const result = await requestContext.run(
        { requestId: `job-${job.id}`, tenantId, actorId: null, actorType: 'system' },
        () => handler(job),
      );
      clearInterval(heartbeat);
      // Fenced: if another claim owns the job now, its outcome stands and this one is dropped.
      if (await this.queue.complete(job, result)) this.options.onOutcome?.(job.kind, 'done');
      else lost();
    } catch (error) {
      clearInterval(heartbeat);
      const permanent = error instanceof PermanentJobError;
      const message = error instanceof Error ? error.message : String(error);
      const recorded = await this.queue.fail(job, message, !permanent).catch((e: unknown) => {
        this.options.onError?.(e);
        return undefined;
      });
      if (recorded)
        this.options.onOutcome?.(job.kind, permanent || job.attempts >= job.maxAttempts ? 'failed' : 'retry');
      else if (recorded === false) lost();
    } finally {
      clearInterval(heartbeat);
    }
  }

  /**
   * Stops claiming and waits (up to `timeoutMs`) for running jobs. Those still running then have
   * their leases released, so another process resumes them at once instead of after the lease;
   * whatever they do later here can no longer write their job rows.
   */
  async stop(timeoutMs = 10_000): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.listener?.end().catch(() => undefined);
    if (this.running.size > 0) {
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, timeoutMs);
        this.idle.add(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
    await Promise.all(
      [...this.running.values()].map((job) =>
        this.queue.release(job).catch((error: unknown) => this.options.onError?.(error)),
      ),
    );
  }
}
