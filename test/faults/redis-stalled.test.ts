import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type OwnRedis, redisServerMissing, startOwnRedis } from '../support/redis-server.js';
import { startTestInstance, type TestInstance } from '../support/test-instance.js';
import {
  answered,
  expectOutageFailModes,
  expectReadyWithRedisDown,
  loginOnceStoreAnswers,
  seedTenant,
  untilStoreAnswers,
} from './support/redis-outage-checks.js';

const missing = redisServerMissing();
if (missing) console.warn(`skipping the stalled-Redis faults: ${missing}`);

describe.skipIf(missing !== undefined)('Redis stalled (SIGSTOP: connected, never answers)', () => {
  let redis: OwnRedis;
  let tb: TestInstance;
  let token: string;

  beforeAll(async () => {
    redis = await startOwnRedis();
    tb = await startTestInstance({ extraEnv: { REDIS_URL: redis.url } });
    token = await seedTenant(tb, 'stalled');
  });
  afterAll(async () => {
    redis?.resume();
    await tb?.destroy();
    await redis?.stop();
  });

  it('answers every request promptly with the fail mode of its class', async () => {
    redis.pause();
    try {
      await expectOutageFailModes(tb, 'stalled', token);
      await expectReadyWithRedisDown(tb);
    } finally {
      redis.resume();
    }
  });

  it('never serves a read cached before a write made during the stall', async () => {
    await loginOnceStoreAnswers(tb, 'stalled');
    const auth = { authorization: `Bearer ${token}` };
    const read = () =>
      answered(tb.app.inject({ url: '/api/v1/workflows?per_page=100', headers: auth }), 'a read');
    await read();
    const cached = await read();
    expect(cached.headers['x-cache']).toBe('HIT');
    const before = cached.json().data.length as number;

    redis.pause();
    try {
      const created = await answered(
        tb.app.inject({
          method: 'POST',
          url: '/api/v1/workflows',
          headers: auth,
          payload: { name: 'during stall' },
        }),
        'a write',
      );
      expect(created.statusCode).toBe(201);
    } finally {
      redis.resume();
    }
    await untilStoreAnswers(tb, token);
    const after = await read();
    expect(after.statusCode).toBe(200);
    expect(after.json().data.map((w: { name: string }) => w.name)).toContain('during stall');
    expect(after.json().data).toHaveLength(before + 1);
  });

  it('enforces strict limits again once Redis answers', async () => {
    redis.pause();
    try {
      const refused = await answered(
        tb.app.inject({
          method: 'POST',
          url: '/api/v1/auth/login',
          payload: { email: 'owner@stalled.test', password: 'owner-password-1', tenant_id: 'stalled' },
        }),
        'a login during the stall',
      );
      expect(refused.statusCode).toBe(503);
    } finally {
      redis.resume();
    }
    expect(await loginOnceStoreAnswers(tb, 'stalled')).toMatch(/^ey/);
  });
});
