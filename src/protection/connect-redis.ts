import { Redis } from 'ioredis';

/**
 * Connects to the shared store. Commands fail fast while it is unreachable (no offline queue),
 * and give up after `commandTimeoutMs` while it is connected but stalled (a paused or swapping
 * server answers nothing and the socket never closes), so limits and cache can fail open or
 * closed at once instead of hanging requests.
 */
export async function connectRedis(
  url: string,
  log: (line: string) => void,
  commandTimeoutMs: number,
): Promise<Redis> {
  const redis = new Redis(url, {
    enableOfflineQueue: false,
    commandTimeout: commandTimeoutMs,
    maxRetriesPerRequest: 1,
    connectTimeout: 2000,
    retryStrategy: (attempt) => Math.min(attempt * 200, 2000),
  });
  let warned = false;
  redis.on('error', (error: Error) => {
    if (!warned) log(`redis: ${error.message} (limits fail open or closed by class; cache misses)`);
    warned = true;
  });
  redis.on('ready', () => {
    warned = false;
  });
  await new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, 3000);
    redis.once('ready', () => {
      clearTimeout(timer);
      resolve();
    });
  });
  return redis;
}
