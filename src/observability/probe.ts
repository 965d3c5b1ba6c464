export type CheckStatus = 'ok' | 'unavailable';

/** A probe never waits longer than this, so readiness answers while a dependency hangs. */
export const PROBE_TIMEOUT_MS = 2000;

/** Runs one check, bounded: a hang or an error is `unavailable`, never an exception. */
export async function probe(work: () => Promise<unknown>): Promise<CheckStatus> {
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      work(),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error('timeout')), PROBE_TIMEOUT_MS);
      }),
    ]);
    return 'ok';
  } catch {
    return 'unavailable';
  } finally {
    clearTimeout(timer);
  }
}
