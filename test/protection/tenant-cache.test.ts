import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TenantCache } from '../../src/protection/tenant-cache.js';
import type { TenantRecord } from '../../src/tenancy/registry/tenant-record.js';
import type { TenantId } from '../../src/tenancy/tenant-id.js';
import { redisServerMissing, startOwnRedis, type OwnRedis } from '../support/redis-server.js';
import { startTestInstance, type TestInstance } from '../support/test-instance.js';

const SAME_ID = '01900000-0000-7000-8000-000000000001';
let tb: TestInstance;
const tokens: Record<string, string> = {};

async function insertWithFixedId(tenantId: string, projectName: string) {
  const tenant = (await tb.services.tenancy.registry.load(tenantId as TenantId)) as TenantRecord;
  await tb.services.tenancy.withTenant(tenant, (scope) =>
    scope.db
      .insertInto('deployments')
      .values({
        tenant_id: scope.tenantId,
        id: SAME_ID,
        project_name: projectName,
        status: 'active',
        url: null,
        created_at: new Date(),
        updated_at: new Date(),
      })
      .execute(),
  );
}

beforeAll(async () => {
  tb = await startTestInstance();
  for (const [id, isolation] of [
    ['cache-a', 'pool'],
    ['cache-b', 'pool'],
    ['cache-c', 'schema'],
  ] as const) {
    await tb.createTenant({ id, isolation });
    tokens[id] = await tb.login(`owner@${id}.test`, 'owner-password-1', id);
  }
  await insertWithFixedId('cache-a', 'alpha-secret-project');
  await insertWithFixedId('cache-b', 'bravo-project');
  await insertWithFixedId('cache-c', 'charlie-project');
});
afterAll(async () => {
  await tb?.destroy();
});

const get = (tenant: string, url: string) =>
  tb.app.inject({ url, headers: { authorization: `Bearer ${tokens[tenant]}` } });

describe('tenant-scoped response cache', () => {
  it('never serves one tenant the cached answer of another, even for identical ids and URLs', async () => {
    const first = await get('cache-a', `/api/v1/deployments/${SAME_ID}`);
    const again = await get('cache-a', `/api/v1/deployments/${SAME_ID}`);
    expect(first.headers['x-cache']).toBe('MISS');
    expect(again.headers['x-cache']).toBe('HIT');
    expect(again.json().data.project_name).toBe('alpha-secret-project');
    for (const other of ['cache-b', 'cache-c']) {
      const response = await get(other, `/api/v1/deployments/${SAME_ID}`);
      expect(response.statusCode).toBe(200);
      expect(response.json().data.tenant_id).toBe(other);
      expect(response.body).not.toContain('alpha-secret-project');
      expect(response.body).not.toContain('cache-a');
    }
  });

  it('marks tenant answers private and drops them on the next write of that tenant', async () => {
    const before = await get('cache-b', '/api/v1/deployments');
    expect(before.headers['cache-control']).toContain('private');
    expect((await get('cache-b', '/api/v1/deployments')).headers['x-cache']).toBe('HIT');
    const created = await tb.app.inject({
      method: 'POST',
      url: '/api/v1/deployments',
      headers: { authorization: `Bearer ${tokens['cache-b']}` },
      payload: { project_name: 'fresh' },
    });
    expect(created.statusCode).toBe(201);
    const after = await get('cache-b', '/api/v1/deployments');
    expect(after.headers['x-cache']).toBe('MISS');
    expect(after.json().data.map((d: { project_name: string }) => d.project_name)).toContain('fresh');
  });

  it('exports the hit and miss counts as a metric', async () => {
    const text = await tb.services.metrics.registry.metrics();
    expect(text).toMatch(/tenantbase_cache_lookups_total\{tenant="cache-a",result="hit"\} [1-9]/);
    expect(text).toMatch(/tenantbase_cache_lookups_total\{tenant="cache-a",result="miss"\} [1-9]/);
  });
});

describe('the value check on read', () => {
  const missing = redisServerMissing();
  if (missing) console.warn(`skipping the Redis cache check: ${missing}`);
  let redis: OwnRedis;
  let client: Redis;
  beforeAll(async () => {
    if (missing) return;
    redis = await startOwnRedis();
    client = new Redis(redis.url);
  });
  afterAll(async () => {
    client?.disconnect();
    await redis?.stop();
  });

  it.skipIf(missing !== undefined)(
    'rejects a stored value that carries another tenant, in Redis',
    async () => {
      const results: string[] = [];
      const cache = new TenantCache({
        redis: client,
        keyPrefix: 'test',
        ttlSeconds: 30,
        maxEntries: 10,
        onLookup: (_tenant, result) => results.push(result),
      });
      await cache.set('tenant-a', 'k', '{"secret":"a"}');
      // a poisoned entry under tenant b's key (a bug or an attacker with store access)
      await client.set(
        'test:tenant-b:k',
        JSON.stringify({ tenant_id: 'tenant-a', payload: '{"secret":"a"}' }),
      );
      expect(await cache.get('tenant-b', 'k')).toBeUndefined();
      expect(await cache.get('tenant-a', 'k')).toBe('{"secret":"a"}');
      expect(results).toEqual(['rejected', 'hit']);
      await cache.invalidate('tenant-a');
      expect(await cache.get('tenant-a', 'k')).toBeUndefined();
    },
  );
});
