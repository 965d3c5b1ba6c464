import type { Tenantbase } from '../server.js';

/**
 * Runs this process's job worker until `done()` says the awaited job finished (or the deadline
 * passes): the CLI does the work itself when no server is running, and shares it when one is.
 */
export async function runJobsUntil<T>(
  installation: Tenantbase,
  check: () => Promise<T | undefined>,
  onPoll?: () => Promise<void>,
  timeoutMs = 30 * 60_000,
): Promise<T | undefined> {
  const { worker } = installation.services;
  await worker.start();
  try {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      const result = await check();
      if (result !== undefined) return result;
      await onPoll?.();
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    return undefined;
  } finally {
    await worker.stop();
  }
}
