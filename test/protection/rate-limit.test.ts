import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TenantId } from '../../src/tenancy/tenant-id.js';
import { startTestInstance, type TestInstance } from '../support/test-instance.js';

let tb: TestInstance;
let token: string;

async function setOverrides(id: string, overrides: Record<string, unknown>) {
  await tb.services.tenancy.platformDb
    .updateTable('platform.tenants')
    .set({ limit_overrides: JSON.stringify(overrides), updated_at: sql<Date>`now()` })
    .where('id', '=', id)
    .execute();
  tb.services.tenancy.registry.invalidate(id as TenantId);
}

beforeAll(async () => {
  tb = await startTestInstance();
  await tb.createTenant({ id: 'limited', isolation: 'pool' });
  await tb.createTenant({ id: 'quota', isolation: 'schema' });
  token = await tb.login('owner@limited.test', 'owner-password-1', 'limited');
});
afterAll(async () => {
  await tb?.destroy();
});

describe('per-tenant API rate limit', () => {
  it('sends X-RateLimit headers on every tenant response and 429 with Retry-After in the envelope', async () => {
    await setOverrides('limited', { api_per_minute: 3 });
    const get = () =>
      tb.app.inject({ url: '/api/v1/deployments', headers: { authorization: `Bearer ${token}` } });
    const answers = [await get(), await get(), await get(), await get()];
    expect(answers.map((a) => a.statusCode)).toEqual([200, 200, 200, 429]);
    expect(answers[0]!.headers['x-ratelimit-limit']).toBe('3');
    expect(answers[0]!.headers['x-ratelimit-remaining']).toBe('2');
    expect(answers[2]!.headers['x-ratelimit-remaining']).toBe('0');
    const reset = Number(answers[0]!.headers['x-ratelimit-reset']);
    expect(reset).toBeGreaterThan(Date.now() / 1000);
    expect(reset).toBeLessThanOrEqual(Date.now() / 1000 + 61);
    const refused = answers[3]!;
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    expect(refused.json()).toMatchObject({ success: false, error: { code: 'RATE_LIMITED' } });
    expect(refused.json().request_id).toBe(refused.headers['x-request-id']);
  });

  it('counts each tenant separately', async () => {
    const other = await tb.login('owner@quota.test', 'owner-password-1', 'quota');
    const response = await tb.app.inject({
      url: '/api/v1/deployments',
      headers: { authorization: `Bearer ${other}` },
    });
    expect(response.statusCode).toBe(200);
    expect(response.headers['x-ratelimit-limit']).toBe('1000');
  });
});

describe('creation quotas', () => {
  it('refuses the create beyond the hourly quota with 429, while reads still work', async () => {
    await setOverrides('quota', { creates_per_hour: { workflows: 2 } });
    const owner = await tb.login('owner@quota.test', 'owner-password-1', 'quota');
    const create = () =>
      tb.app.inject({
        method: 'POST',
        url: '/api/v1/workflows',
        headers: { authorization: `Bearer ${owner}` },
        payload: { name: 'nightly' },
      });
    const codes = [(await create()).statusCode, (await create()).statusCode];
    const third = await create();
    expect(codes).toEqual([201, 201]);
    expect(third.statusCode).toBe(429);
    expect(third.json().error.code).toBe('RATE_LIMITED');
    expect(Number(third.headers['retry-after'])).toBeGreaterThan(0);
    const list = await tb.app.inject({
      url: '/api/v1/workflows',
      headers: { authorization: `Bearer ${owner}` },
    });
    expect(list.json().data).toHaveLength(2);
    const deployment = await tb.app.inject({
      method: 'POST',
      url: '/api/v1/deployments',
      headers: { authorization: `Bearer ${owner}` },
      payload: { project_name: 'web' },
    });
    expect(deployment.statusCode).toBe(201);
  });
});
