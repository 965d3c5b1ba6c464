import { afterAll, beforeAll, describe, it } from 'vitest';
import { startTestInstance, type TestInstance } from '../support/test-instance.js';
import {
  expectOutageFailModes,
  expectReadyWithRedisDown,
  seedTenant,
} from './support/redis-outage-checks.js';
import { freePort } from '../support/free-port.js';

describe('Redis refused (nothing listens on REDIS_URL)', () => {
  let tb: TestInstance;
  let token: string;

  beforeAll(async () => {
    // Made without Redis so the owner can log in; then restarted on the same databases with a dead REDIS_URL.
    const seeded = await startTestInstance({ extraEnv: { REDIS_URL: '' } });
    token = await seedTenant(seeded, 'refused');
    await seeded.close();
    tb = await startTestInstance({
      env: { ...seeded.env, REDIS_URL: `redis://127.0.0.1:${await freePort()}` },
    });
  });
  afterAll(async () => {
    await tb?.destroy();
  });

  it('answers every request promptly with the fail mode of its class', async () => {
    await expectOutageFailModes(tb, 'refused', token);
  });

  it('stays ready, and says Redis is down in the verbose detail and the gauge', async () => {
    await expectReadyWithRedisDown(tb);
  });
});
