import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TenantId } from '../../src/tenancy/tenant-id.js';
import { type OwnRedis, redisServerMissing, startOwnRedis } from '../support/redis-server.js';
import { type ServerProcess, startServerProcess } from '../support/server-process.js';
import { startTestInstance, type TestInstance } from '../support/test-instance.js';

const missing = redisServerMissing();
if (missing) console.warn(`skipping the shared-limit suite: ${missing}`);

describe.skipIf(missing !== undefined)('one limit shared by two server processes through Redis', () => {
  let redis: OwnRedis;
  let tb: TestInstance;
  let servers: ServerProcess[] = [];
  let token: string;

  beforeAll(async () => {
    redis = await startOwnRedis();
    tb = await startTestInstance();
    await tb.createTenant({ id: 'shared', isolation: 'pool' });
    await tb.services.tenancy.platformDb
      .updateTable('platform.tenants')
      .set({ limit_overrides: JSON.stringify({ api_per_minute: 10 }), updated_at: sql<Date>`now()` })
      .where('id', '=', 'shared')
      .execute();
    tb.services.tenancy.registry.invalidate('shared' as TenantId);
    token = await tb.login('owner@shared.test', 'owner-password-1', 'shared');
    const env = { ...tb.env, REDIS_URL: redis.url };
    servers = await Promise.all([startServerProcess(env), startServerProcess(env)]);
  });
  afterAll(async () => {
    await Promise.all(servers.map((s) => s.stop()));
    await tb?.destroy();
    await redis?.stop();
  });

  it('admits exactly the limit across both processes', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 16; i++) {
      const server = servers[i % 2]!;
      const response = await fetch(`${server.url}/api/v1/deployments`, {
        headers: { authorization: `Bearer ${token}` },
      });
      statuses.push(response.status);
      await response.arrayBuffer();
    }
    expect(statuses.filter((s) => s === 200)).toHaveLength(10);
    expect(statuses.filter((s) => s === 429)).toHaveLength(6);
    // both processes refused some, so neither counted alone
    expect(statuses.slice(10).every((s) => s === 429)).toBe(true);
  });

  it('fails open for the general API when Redis goes away, and counts it', async () => {
    await redis.stop();
    const response = await fetch(`${servers[0]!.url}/api/v1/workflows`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(response.status).toBe(200);
    const metrics = await fetch(`${servers[0]!.url}/metrics`).then((r) => r.text());
    expect(metrics).toMatch(/tenantbase_rate_limit_backend_failures_total\{class="general"\} [1-9]/);
  });
});
