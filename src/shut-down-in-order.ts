import type { FastifyInstance } from 'fastify';
import type { JobWorker } from './jobs/job-worker.js';

/** What a Tenantbase process closes, in the order it must close them. */
export interface ShutdownParts {
  app: FastifyInstance;
  worker: JobWorker;
  /** How long in-flight requests and running jobs get (SHUTDOWN_GRACE_SECONDS). */
  graceMs: number;
  closeMailer(): Promise<void>;
  closePools(): Promise<void>;
  closeRedis(): void;
  stopEmbedded(): Promise<void>;
  log(line: string): void;
}

/** Closing pools waits for checked-out connections; a released job may hold one past its grace. */
const POOL_CLOSE_BOUND_MS = 5_000;

async function settlesWithin(promise: Promise<unknown>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), ms);
  });
  const settled = promise.then(
    () => true as const,
    () => true as const,
  );
  try {
    return await Promise.race([settled, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Stops a process without cutting anyone off: it stops accepting, lets in-flight requests and
 * running jobs finish side by side (a long job never holds up the HTTP drain, nor the reverse),
 * hands back the leases of jobs still running after the grace so another process resumes them at
 * once, then closes pools, Redis and, last, the embedded PostgreSQL they all talk to.
 */
export async function shutDownInOrder(parts: ShutdownParts): Promise<void> {
  const jobs = parts.worker.stop(parts.graceMs);
  const http = parts.app.close();
  if (!(await settlesWithin(http, parts.graceMs))) {
    parts.log('requests still in flight after the shutdown grace; closing their connections');
    parts.app.server.closeAllConnections();
    await http;
  }
  await jobs;
  await parts.closeMailer();
  if (!(await settlesWithin(parts.closePools(), POOL_CLOSE_BOUND_MS))) {
    parts.log('database connections still busy (a job handed back at shutdown); not waiting for them');
  }
  parts.closeRedis();
  await parts.stopEmbedded();
}
