import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type OwnRedis, redisServerMissing, startOwnRedis } from '../../test/support/redis-server.js';
import { RateLimits } from './rate-limits.js';

const missing = redisServerMissing();
if (missing) console.warn(`skipping the Redis outage checks: ${missing}`);

describe.skipIf(missing !== undefined)('when Redis stops', () => {
  let redis: OwnRedis;
  let client: Redis;
  const failures: string[] = [];
  let limits: RateLimits;

  beforeAll(async () => {
    redis = await startOwnRedis();
    client = new Redis(redis.url, { enableOfflineQueue: false, maxRetriesPerRequest: 1 });
    client.on('error', () => undefined);
    await new Promise((resolve) => client.once('ready', resolve));
    limits = new RateLimits({ redis: client, keyPrefix: 'outage', onStoreFailure: (c) => failures.push(c) });
  });
  afterAll(async () => {
    client?.disconnect();
    await redis?.stop();
  });

  it('enforces while up, then lets general traffic through and refuses strict checks with 503', async () => {
    const general = { name: 'api', points: 1, durationSeconds: 60, class: 'general' as const };
    const strict = { name: 'login', points: 5, durationSeconds: 60, class: 'strict' as const };
    expect((await limits.consume(general, 't1')).allowed).toBe(true);
    expect((await limits.consume(general, 't1')).allowed).toBe(false);
    await redis.stop();
    const open = await limits.consume(general, 't1');
    expect(open).toMatchObject({ allowed: true, degraded: true });
    await expect(limits.consume(strict, 'someone@example.com')).rejects.toMatchObject({
      code: 'UNAVAILABLE',
      status: 503,
    });
    expect(failures).toEqual(['general', 'strict']);
  });
});
