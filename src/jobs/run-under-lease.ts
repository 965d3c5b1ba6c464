import type { Job, JobQueue } from './job-queue.js';

/**
 * Runs `work` in this process under a leased job of `kind`, heartbeating it meanwhile. The job's
 * handler is the undo: if this process dies, the lease runs out and any worker runs it. On
 * success the job completes unrun; on failure it is handed back to run at once, which re-checks
 * (idempotently) that the failed work left nothing behind, unless `undoOnFailure` says there is nothing.
 */
export async function runUnderLease<T>(
  queue: JobQueue,
  lease: {
    kind: string;
    payload: Record<string, unknown>;
    tenantId: string;
    worker: string;
    seconds: number;
    /** False when the failed work made nothing the handler should undo. */
    undoOnFailure?: () => boolean;
  },
  work: () => Promise<T>,
): Promise<T> {
  const job: Job = await queue.enqueueLeased(
    lease.kind,
    lease.payload,
    lease.tenantId,
    lease.worker,
    lease.seconds,
  );
  const heartbeat = setInterval(
    () => void queue.heartbeat(job, lease.seconds).catch(() => undefined),
    (lease.seconds * 1000) / 3,
  );
  try {
    const result = await work();
    await queue.complete(job, { finished: true });
    return result;
  } catch (error) {
    const undo = lease.undoOnFailure?.() ?? true;
    await (undo ? queue.release(job) : queue.complete(job, { failed: true })).catch(() => undefined);
    throw error;
  } finally {
    clearInterval(heartbeat);
  }
}
