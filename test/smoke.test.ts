import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestInstance, type TestInstance } from './support/test-instance.js';

let tb: TestInstance;
beforeAll(async () => {
  tb = await startTestInstance();
});
afterAll(async () => {
  await tb?.destroy();
});

describe('a fresh instance', () => {
  it('has the default tenant, active, enterprise tier in pool isolation', async () => {
    const response = await tb.app.inject({
      url: '/api/v1/tenants/default',
      headers: { authorization: `Bearer ${await tb.adminToken()}` },
    });
    expect(response.statusCode).toBe(200);
    expect(response.json().data).toMatchObject({
      id: 'default',
      status: 'active',
      tier: 'enterprise',
      isolation: 'pool',
    });
  });
});
