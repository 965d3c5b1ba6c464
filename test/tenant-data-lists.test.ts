import { randomUUID } from 'node:crypto';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Isolation } from '../src/tenancy/tenant-scope.js';
import { cursorWalk, expectInvalid, expectWalkOf } from './support/cursor-walk.js';
import { api, TIER_OF } from './support/identity-api.js';
import { ISOLATIONS, startTestInstance, type TestInstance } from './support/test-instance.js';

/**
 * `GET /roles`, `/api-keys` and `/tenants/{id}/exports` as SPEC §5 lists: page and cursor
 * pagination, cursor walks that rows created meanwhile never make skip or repeat one, 400s for bad
 * parameters, and each tenant's rows only, in every isolation model.
 */
let tb: TestInstance;
let admin = '';
const owners = new Map<string, string>();
const tenantsOf = (isolation: Isolation) => [`tdl-${isolation}-a`, `tdl-${isolation}-b`] as const;
const SEEDED = 12;
let made = 0;

type Row = { id: string; name?: string };
const idsOf = (rows: Row[]) => rows.map((r) => r.id);

async function createRole(tenant: string, name: string): Promise<void> {
  const payload = { name, permissions: ['deployments:read'] };
  const response = await api(tb, owners.get(tenant)!, 'POST', '/roles', { payload });
  expect(response.statusCode, response.body).toBe(201);
}

async function createKey(tenant: string, name: string): Promise<void> {
  const payload = { name, permissions: ['deployments:read'] };
  const response = await api(tb, owners.get(tenant)!, 'POST', '/api-keys', { payload });
  expect(response.statusCode, response.body).toBe(201);
}

/** Export rows written straight to the platform table, creation times tying in pairs, a microsecond apart. */
async function insertExports(tenant: string, count: number, at = '2026-01-01T00:00:00'): Promise<void> {
  for (let i = 0; i < count; i++) {
    const micros = String(Math.floor(made++ / 2)).padStart(6, '0');
    await tb.services.tenancy.adminPool.query(
      `insert into platform.tenant_exports (id, tenant_id, status, error, created_at)
       values ($1, $2, 'failed', 'test row', $3)`,
      [randomUUID(), tenant, `${at}.${micros}Z`],
    );
  }
}

beforeAll(async () => {
  tb = await startTestInstance();
  admin = await tb.adminToken();
  for (const isolation of ISOLATIONS) {
    for (const [n, id] of tenantsOf(isolation).entries()) {
      await tb.createTenant({ id, isolation, tier: TIER_OF[isolation] });
      owners.set(id, await tb.login(`owner@${id}.test`, 'owner-password-1', id));
      const letter = n === 0 ? 'a' : 'b';
      // Names out of creation order; `shared` exists in both tenants.
      for (let i = 0; i < (n === 0 ? SEEDED : 3); i++) {
        await createRole(id, `${letter}-role-${String((i * 7) % SEEDED).padStart(2, '0')}`);
        await createKey(id, `${letter} key ${String((i * 5) % SEEDED).padStart(2, '0')}`);
      }
      await createRole(id, 'shared');
      await insertExports(id, n === 0 ? SEEDED : 3);
    }
  }
}, 300_000);
afterAll(() => tb?.destroy());

const LISTS = [
  { path: '/roles', sorts: ['', 'name', '-name', 'created_at', '-created_at'] },
  { path: '/api-keys', sorts: ['', '-created_at', 'created_at', 'name', '-name'] },
  { path: '/exports', sorts: [''] },
] as const;

describe.for(ISOLATIONS)('tenant data lists in %s isolation', (isolation) => {
  const [a, b] = tenantsOf(isolation);
  /** GET as tenant `tenant`'s owner, or for exports as the platform administrator on its path. */
  const getter =
    (list: string, tenant: string) =>
    (url: string): Promise<LightMyRequestResponse> =>
      list === '/exports'
        ? api(tb, admin, 'GET', `/tenants/${tenant}${url}`)
        : api(tb, owners.get(tenant)!, 'GET', url);
  const whole = async (list: string, tenant: string, query = '') => {
    const response = await getter(list, tenant)(`${list}?per_page=100${query}`);
    expect(response.statusCode, response.body).toBe(200);
    return response.json().data as Row[];
  };
  const insert = (list: string, tenant: string, tag: string) =>
    list === '/roles'
      ? Promise.all([createRole(tenant, `aa-${tag}`), createRole(tenant, `zz-${tag}`)])
      : list === '/api-keys'
        ? Promise.all([createKey(tenant, `aa ${tag}`), createKey(tenant, `zz ${tag}`)])
        : Promise.all([
            insertExports(tenant, 1, '2025-06-01T00:00:00'),
            insertExports(tenant, 1, '2027-06-01T00:00:00'),
          ]);

  it.for(LISTS)('pages $path by page/per_page with one consistent total', async ({ path }) => {
    const get = getter(path, a);
    const all = idsOf(await whole(path, a));
    const pages = [];
    for (let page = 1; page <= Math.ceil(all.length / 5) + 1; page++) {
      const response = await get(`${path}?page=${page}&per_page=5`);
      expect(response.statusCode, response.body).toBe(200);
      pages.push(response.json());
    }
    expect(pages.flatMap((p) => idsOf(p.data))).toEqual(all);
    const last = pages[pages.length - 1];
    expect(last.data).toEqual([]);
    expect(last.pagination).toMatchObject({ total: all.length, has_next: false, has_prev: true });
    expect(pages[0].pagination).toEqual({
      page: 1,
      per_page: 5,
      total: all.length,
      total_pages: Math.ceil(all.length / 5),
      has_next: true,
      has_prev: false,
    });
    expect((await get(path)).json().pagination).toMatchObject({ page: 1, per_page: 20 });
  });

  it.for(LISTS)('walks $path by cursor in every sort exactly as the page list orders it', async (list) => {
    for (const sort of list.sorts) {
      const query = sort ? `&sort=${sort}` : '';
      const expected = idsOf(await whole(list.path, a, query));
      for (const limit of [1, 4]) {
        const walked = await cursorWalk<Row>(getter(list.path, a), `${list.path}?limit=${limit}${query}`);
        expect(idsOf(walked), `${sort} limit ${limit}`).toEqual(expected);
      }
      const first = (await getter(list.path, a)(`${list.path}?cursor=${query}`)).json();
      expect(idsOf(first.data), 'an empty cursor is the first page').toEqual(expected.slice(0, 20));
    }
  });

  it.for(LISTS)('neither skips nor repeats a row of $path created during a walk', async (list) => {
    for (const sort of list.sorts) {
      const query = sort ? `&sort=${sort}` : '';
      const before = idsOf(await whole(list.path, a, query));
      const walked = await cursorWalk<Row>(getter(list.path, a), `${list.path}?limit=3${query}`, (page) =>
        page < 3
          ? insert(list.path, a, `${sort.replace(/\W/g, '')}-${page}-${made++}`).then(() => {})
          : Promise.resolve(),
      );
      expectWalkOf(idsOf(walked), before, idsOf(await whole(list.path, a, query)));
    }
  });

  it('puts built-in roles first, then names; searches names with LIKE wildcards taken literally', async () => {
    const roles = (await whole('/roles', a)) as Array<Row & { built_in: boolean; name: string }>;
    const builtIn = roles.filter((r) => r.built_in).map((r) => r.name);
    const custom = roles.filter((r) => !r.built_in).map((r) => r.name);
    expect(roles.map((r) => r.name)).toEqual([...builtIn, ...custom]);
    expect(custom).toEqual([...custom].sort());
    expect((await whole('/roles', a, '&q=ROLE-0')).every((r) => r.name!.startsWith('a-role-0'))).toBe(true);
    expect(await whole('/roles', a, `&q=${encodeURIComponent('%')}`)).toEqual([]);
    expect(await whole('/api-keys', a, `&q=${encodeURIComponent('%')}`)).toEqual([]);
    const keys = (await whole('/api-keys', a, '&q=KEY 0')).map((k) => k.name!);
    expect(keys.length).toBeGreaterThan(0);
    expect(keys.every((name) => name.startsWith('a key 0'))).toBe(true);
  });

  it.for(LISTS)('refuses bad pagination parameters on $path with 400', async ({ path }) => {
    const get = getter(path, a);
    for (const [query, field] of [
      ['per_page=101', 'querystring.per_page'],
      ['per_page=0', 'querystring.per_page'],
      ['page=-1', 'querystring.page'],
      ['page=0', 'querystring.page'],
      ['limit=0', 'querystring.limit'],
      ['limit=101', 'querystring.limit'],
      ['bogus=1', 'querystring.bogus'],
      ['cursor=garbage!', 'cursor'],
      ['status=active', 'querystring.status'],
    ] as const)
      expectInvalid(await get(`${path}?${query}`), field);
    const cursor = (await get(`${path}?limit=1`)).json().pagination.cursor as string;
    expect(typeof cursor).toBe('string');
    expectInvalid(await get(`${path}?cursor=${cursor}&page=1`), 'cursor');
    const forge = (s: string, v: unknown[]) => Buffer.from(JSON.stringify({ s, v })).toString('base64url');
    const forged: Array<[string, string]> =
      path === '/roles'
        ? [
            ['', forge('built_in', ['0', 'owner'])],
            ['&sort=created_at', forge('created_at', ['2026-02-30T00:00:00.000000Z', 'owner'])],
            ['&sort=name', forge('name', [7])],
          ]
        : [
            ['', forge('-created_at', ['2026-01-01T00:00:00.000000Z', 'not-a-uuid'])],
            ['', forge('-created_at', [1, randomUUID()])],
            ['', forge('-created_at', ['2026-01-01T00:00:00Z', randomUUID()])],
          ];
    for (const [sort, bad] of forged) expectInvalid(await get(`${path}?cursor=${bad}${sort}`), 'cursor');
    if (path !== '/exports') expectInvalid(await get(`${path}?sort=name&cursor=${cursor}`), 'cursor');
  });

  it.for(LISTS)(
    'lists only the tenant’s own rows in $path, whoever asks and whatever cursor',
    async ({ path }) => {
      const ofA = await whole(path, a);
      const ofB = await whole(path, b);
      expect(ofB.length).toBeGreaterThan(0);
      const idsOfA = new Set(idsOf(ofA));
      if (path === '/roles') {
        const custom = ofB.filter((row) => !isBuiltIn(row)).map((row) => row.name!);
        expect(custom.every((name) => name === 'shared' || name.startsWith('b-role-'))).toBe(true);
      } else expect(ofB.some((row) => idsOfA.has(row.id))).toBe(false);
      // Another tenant's cursor only positions the walk: every row it gives is still B's.
      const cursorOfA = (await getter(path, a)(`${path}?limit=2`)).json().pagination.cursor as string;
      const fromB = await getter(path, b)(`${path}?limit=100&cursor=${cursorOfA}`);
      expect(fromB.statusCode, fromB.body).toBe(200);
      const idsOfB = new Set(idsOf(ofB));
      expect(idsOf(fromB.json().data).every((id: string) => idsOfB.has(id))).toBe(true);
      if (path === '/exports') {
        expect(ofA.every((row) => (row as { tenant_id?: string }).tenant_id === a)).toBe(true);
        return;
      }
      // The platform administrator acting in B sees B's rows; A's owner naming B is refused.
      const acting = await api(tb, admin, 'GET', `${path}?per_page=100`, { headers: { 'x-tenant-id': b } });
      expect(idsOf(acting.json().data)).toEqual(idsOf(ofB));
      const named = await api(tb, owners.get(a)!, 'GET', `${path}?tenant_id=${b}`);
      expect(named.statusCode).toBe(403);
      expect(named.body).not.toContain('b-role');
      expect(named.body).not.toContain('b key');
    },
  );
});

/** Built-in roles exist in every tenant under the same name (their id). */
function isBuiltIn(row: Row): boolean {
  return (row as { built_in?: boolean }).built_in === true;
}
