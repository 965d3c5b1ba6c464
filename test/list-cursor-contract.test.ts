import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TenantId } from '../src/tenancy/tenant-id.js';
import type { Isolation } from '../src/tenancy/tenant-scope.js';
import { cursorWalk, expectInvalid } from './support/cursor-walk.js';
import { ISOLATIONS, startTestInstance, type TestInstance } from './support/test-instance.js';

/**
 * SPEC §5's `?cursor=&limit=` on the generic lists (deployments, workflows, users, audit,
 * forecast runs), as a client can break it: cursors edited by hand or taken from another list,
 * rows created within one millisecond, an empty cursor, and page and cursor parameters mixed.
 */
let tb: TestInstance;
const owners = new Map<Isolation, string>();
const tenantOf = (isolation: Isolation) => `lcc-${isolation}`;
const LISTS = ['deployments', 'workflows', 'users', 'audit', 'forecast-runs'];

const get = (isolation: Isolation, url: string) =>
  tb.app.inject({ url, headers: { authorization: `Bearer ${owners.get(isolation)}` } });
const cursorOf = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

beforeAll(async () => {
  tb = await startTestInstance();
  for (const isolation of ISOLATIONS) {
    const id = tenantOf(isolation);
    await tb.createTenant({ id, isolation, tier: 'enterprise' });
    owners.set(isolation, await tb.login(`owner@${id}.test`, 'owner-password-1', id));
  }
});
afterAll(async () => {
  await tb?.destroy();
});

describe.each(ISOLATIONS)('list cursors in %s isolation', (isolation: Isolation) => {
  it('walk rows created within one millisecond, both ways, without skipping one', async () => {
    const tenant = (await tb.services.tenancy.registry.load(tenantOf(isolation) as TenantId))!;
    const ids = Array.from({ length: 6 }, () => randomUUID());
    await tb.services.tenancy.withTenant(tenant, (scope) =>
      scope.db
        .insertInto('deployments')
        .values(
          ids.map((id, i) => ({
            tenant_id: scope.tenantId,
            id,
            project_name: `same-ms-${i}`,
            status: 'active',
            url: null,
            // 100 µs apart: a cursor cut to the millisecond would lose all but one of them.
            created_at: sql<Date>`${`2020-01-01T00:00:00.000${i + 1}00Z`}::timestamptz`,
            updated_at: new Date(),
          })),
        )
        .execute(),
    );
    const window = 'created_from=2020-01-01T00:00:00Z&created_to=2020-01-01T00:00:01Z';
    for (const sort of ['created_at', '-created_at']) {
      const walked = await cursorWalk<{ id: string }>(
        (url) => get(isolation, url),
        `/api/v1/deployments?limit=1&sort=${sort}&${window}`,
      );
      expect(walked.map((row) => row.id)).toEqual(sort === 'created_at' ? ids : [...ids].reverse());
    }
  });

  it('searches names without regard to case beyond ASCII', async () => {
    const created = await tb.app.inject({
      method: 'POST',
      url: '/api/v1/deployments',
      headers: { authorization: `Bearer ${owners.get(isolation)}` },
      payload: { project_name: 'Naïve Café Müller' },
    });
    expect(created.statusCode).toBe(201);
    for (const q of ['CAFÉ', 'naÏve', 'MÜLLER']) {
      const found = (await get(isolation, `/api/v1/deployments?q=${encodeURIComponent(q)}`)).json();
      expect(
        found.data.map((d: { id: string }) => d.id),
        q,
      ).toEqual([created.json().data.id]);
    }
  });

  it.for(LISTS)('refuse a hand-edited cursor on /%s with 400, never 500', async (list) => {
    const first = await get(isolation, `/api/v1/${list}?limit=1`);
    expect(first.statusCode, first.body).toBe(200);
    const forged = [
      cursorOf({ s: `${list}:-created_at`, v: ['9999-99-99T00:00:00.000000Z', randomUUID()] }),
      cursorOf({ s: `${list}:-created_at`, v: ['2024-13-45T00:00:00.000000Z', randomUUID()] }),
      cursorOf({ s: `${list}:-created_at`, v: ['2024-01-01T00:00:00.000000Z', 'not-a-uuid'] }),
      cursorOf({ s: `${list}:-created_at`, v: [12, randomUUID()] }),
      // The shape these lists used before their cursors named the list.
      cursorOf({ s: 'created_at', d: true, v: '0000-00-00', id: randomUUID() }),
    ];
    for (const cursor of forged)
      expectInvalid(await get(isolation, `/api/v1/${list}?cursor=${cursor}`), 'cursor');
  });

  it("refuses another list's cursor", async () => {
    for (let i = 0; i < 2; i++)
      await tb.app.inject({
        method: 'POST',
        url: '/api/v1/deployments',
        headers: { authorization: `Bearer ${owners.get(isolation)}` },
        payload: { project_name: `cursor-source-${i}` },
      });
    const page = (await get(isolation, '/api/v1/deployments?limit=1')).json();
    expect(page.pagination.cursor).toEqual(expect.any(String));
    expectInvalid(await get(isolation, `/api/v1/workflows?cursor=${page.pagination.cursor}`), 'cursor');
  });

  it.for([...LISTS, 'demand', 'demand/items', 'entry-types'])(
    'reads an empty cursor on /%s as the first cursor page',
    async (list) => {
      const response = await get(isolation, `/api/v1/${list}?cursor=&limit=2`);
      expect(response.statusCode, response.body).toBe(200);
      expect(response.json().pagination).toEqual({
        cursor: expect.toSatisfy((c) => c === null || typeof c === 'string'),
        limit: 2,
        has_next: expect.any(Boolean),
      });
    },
  );

  it.for([...LISTS, 'demand', 'entry-types'])(
    'refuses page or per_page beside limit on /%s',
    async (list) => {
      expectInvalid(await get(isolation, `/api/v1/${list}?page=2&limit=5`), 'limit');
      expectInvalid(await get(isolation, `/api/v1/${list}?per_page=5&limit=5`), 'limit');
    },
  );
});

describe('dates PostgreSQL cannot store', () => {
  it('are refused with 400, not passed on to fail in SQL', async () => {
    for (const url of [
      '/api/v1/demand?from=0000-01-01',
      '/api/v1/demand?to=0000-12-31',
      '/api/v1/deployments?created_from=0000-01-01T00:00:00Z',
      '/api/v1/forecast-runs?created_to=0000-06-01T12:00:00Z',
    ]) {
      const response = await get('pool', url);
      expect(response.statusCode, `${url}: ${response.body}`).toBe(400);
      expect(response.json().error.code).toBe('VALIDATION_FAILED');
    }
    expect((await get('pool', '/api/v1/demand?from=0001-01-01')).statusCode).toBe(200);
  });
});
