import type { LightMyRequestResponse } from 'fastify';
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Isolation } from '../src/tenancy/tenant-scope.js';
import { ISOLATIONS, startTestInstance, type TestInstance } from './support/test-instance.js';

// The tenant record routes (/tenants, /tenants/{id}, its stats, config and branding) are tenant
// routes for the tenant's own users (SPEC §5: resolved tenant in the header and the envelope,
// status, rate limit) and platform routes for platform administrators, on any tenant.

interface Side {
  id: string;
  owner: string;
  /** In the tenant's name and settings: a response to anyone else must not contain it. */
  marker: string;
}

let tb: TestInstance;
let admin: string;
const sides = new Map<Isolation, { a: Side; b: Side }>();

async function makeSide(id: string, isolation: Isolation): Promise<Side> {
  const marker = `secret-${randomBytes(6).toString('hex')}`;
  await tb.createTenant({ id, isolation, name: `${marker} Ltd` });
  const owner = await tb.login(`owner@${id}.test`, 'owner-password-1', id);
  const named = await call('PATCH', `/api/v1/tenants/${id}`, admin, { settings: { note: marker } });
  expect(named.statusCode, named.body).toBe(200);
  return { id, owner, marker };
}

function call(method: string, url: string, token?: string, payload?: object) {
  return tb.app.inject({
    method: method as 'GET',
    url,
    headers: token ? { authorization: `Bearer ${token}` } : {},
    ...(payload ? { payload } : {}),
  });
}

/** What every tenant route of this tenant reads, as its own user sees it. */
const reads = (id: string) => [
  `/api/v1/tenants/${id}`,
  `/api/v1/tenants/${id}/stats`,
  `/api/v1/tenants/${id}/config`,
  '/api/v1/tenants',
];

function expectTenantResponse(response: LightMyRequestResponse, id: string, label: string): void {
  expect(response.statusCode, `${label}: ${response.body}`).toBe(200);
  expect(response.headers['x-tenant-id'], label).toBe(id);
  expect(response.json().tenant_id, label).toBe(id);
  for (const header of ['x-ratelimit-limit', 'x-ratelimit-remaining', 'x-ratelimit-reset'])
    expect(response.headers[header], `${label} ${header}`).toMatch(/^\d+$/);
}

beforeAll(async () => {
  tb = await startTestInstance();
  admin = await tb.adminToken();
  const short = { pool: 'pool', schema: 'schema', database: 'db' } as const;
  await Promise.all(
    ISOLATIONS.map(async (isolation) => {
      const [a, b] = await Promise.all(
        ['a', 'b'].map((side) => makeSide(`rec-${short[isolation]}-${side}`, isolation)),
      );
      sides.set(isolation, { a: a!, b: b! });
    }),
  );
}, 180_000);
afterAll(() => tb?.destroy());

describe.for(ISOLATIONS)('%s tenant', (isolation) => {
  it('answers its users with X-Tenant-ID, the envelope tenant_id and X-RateLimit-*', async () => {
    const { a } = sides.get(isolation)!;
    for (const url of reads(a.id)) expectTenantResponse(await call('GET', url, a.owner), a.id, url);
    const listed = await call('GET', '/api/v1/tenants', a.owner);
    expect(listed.json().data.map((tenant: { id: string }) => tenant.id)).toEqual([a.id]);
    const patched = await call('PATCH', `/api/v1/tenants/${a.id}`, a.owner, {
      settings: { region: 'south' },
    });
    expectTenantResponse(patched, a.id, 'PATCH /tenants/{id}');
    const branding = `/api/v1/tenants/${a.id}/branding`;
    expectTenantResponse(await call('GET', branding, a.owner), a.id, `${branding} signed in`);
    expectTenantResponse(await call('GET', branding), a.id, `${branding} anonymous`);
  });

  it("counts them against the tenant's api_per_minute, anonymous calls per address, never a platform administrator's", async () => {
    const { a } = sides.get(isolation)!;
    const limit = 3;
    const set = await call('PATCH', `/api/v1/tenants/${a.id}`, admin, {
      limit_overrides: { api_per_minute: limit },
    });
    expect(set.statusCode).toBe(200);
    try {
      const spent = [];
      for (let i = 0; i < limit; i++) spent.push(await call('GET', `/api/v1/tenants/${a.id}`, a.owner));
      expect(spent.map((response) => response.statusCode)).toEqual([200, 200, 200]);
      expect(spent.at(-1)!.headers['x-ratelimit-remaining']).toBe('0');
      const past = await Promise.all(reads(a.id).map((url) => call('GET', url, a.owner)));
      for (const response of past) {
        expect(response.statusCode, response.body).toBe(429);
        expect(response.json().error.code).toBe('RATE_LIMITED');
        expect(Number(response.headers['retry-after'])).toBeGreaterThan(0);
      }
      for (const url of reads(a.id)) expect((await call('GET', url, admin)).statusCode, url).toBe(200);
      // Anonymous callers spend their own address's budget: the sign-in page still loads, and
      // one address hammering it is refused without touching anyone else's.
      const branding = (address: string) =>
        tb.app.inject({ url: `/api/v1/tenants/${a.id}/branding`, remoteAddress: address });
      const anonymous = [];
      for (let i = 0; i <= limit; i++) anonymous.push((await branding('10.9.0.1')).statusCode);
      expect(anonymous).toEqual([200, 200, 200, 429]);
      expect((await branding('10.9.0.2')).statusCode).toBe(200);
    } finally {
      await call('PATCH', `/api/v1/tenants/${a.id}`, admin, { limit_overrides: {} });
    }
  });

  it("refuses a suspended tenant's users, keeps its branding readable and lets administrators resume it", async () => {
    const { a } = sides.get(isolation)!;
    expect((await call('POST', `/api/v1/tenants/${a.id}/suspend`, admin)).statusCode).toBe(200);
    try {
      for (const url of reads(a.id)) {
        const response = await call('GET', url, a.owner);
        expect(response.statusCode, url).toBe(403);
        expect(response.json().error.code, url).toBe('TENANT_SUSPENDED');
        expect(response.body, url).not.toContain(a.marker);
      }
      const patch = await call('PATCH', `/api/v1/tenants/${a.id}`, a.owner, { name: 'x' });
      expect(patch.json().error.code).toBe('TENANT_SUSPENDED');
      const branding = `/api/v1/tenants/${a.id}/branding`;
      expectTenantResponse(await call('GET', branding), a.id, `${branding} anonymous`);
      expectTenantResponse(await call('GET', branding, a.owner), a.id, `${branding} signed in`);

      for (const url of [...reads(a.id), branding]) {
        const response = await call('GET', url, admin);
        expect(response.statusCode, `${url}: ${response.body}`).toBe(200);
      }
      const seen = await call('GET', `/api/v1/tenants/${a.id}`, admin);
      expect(seen.json().data.status).toBe('suspended');
      expect(seen.headers['x-tenant-id']).toBe(a.id);
      const resumed = await call('PATCH', `/api/v1/tenants/${a.id}`, admin, { status: 'active' });
      expect(resumed.statusCode, resumed.body).toBe(200);
      expect(resumed.json().data.status).toBe('active');
      expectTenantResponse(await call('GET', `/api/v1/tenants/${a.id}`, a.owner), a.id, 'after resume');
    } finally {
      await call('POST', `/api/v1/tenants/${a.id}/resume`, admin);
    }
  });

  it("shows another tenant's user nothing of this tenant", async () => {
    const { a, b } = sides.get(isolation)!;
    const attempts: Array<[string, string, object?]> = [
      ...reads(a.id)
        .filter((url) => url !== '/api/v1/tenants')
        .map((url): [string, string] => ['GET', url]),
      ['GET', `/api/v1/tenants/${a.id}/branding`],
      ['PATCH', `/api/v1/tenants/${a.id}`, { name: 'taken over' }],
      ['PATCH', `/api/v1/tenants/${a.id}/branding`, { company_name: 'taken over' }],
    ];
    for (const [method, url, payload] of attempts) {
      const response = await call(method, url, b.owner, payload);
      const label = `${method} ${url} as ${b.id}`;
      expect([403, 404], `${label}: ${response.body}`).toContain(response.statusCode);
      expect(response.body + JSON.stringify(response.headers), label).not.toContain(a.marker);
      expect(response.headers['x-tenant-id'], label).not.toBe(a.id);
    }
    const named = await tb.app.inject({
      url: '/api/v1/tenants',
      headers: { authorization: `Bearer ${b.owner}`, 'x-tenant-id': a.id },
    });
    expect(named.statusCode).toBe(403);
    expect(named.body).not.toContain(a.marker);
    const own = await call('GET', '/api/v1/tenants', b.owner);
    expect(own.json().data.map((tenant: { id: string }) => tenant.id)).toEqual([b.id]);
    expect(own.body).not.toContain(a.marker);
    const untouched = await call('GET', `/api/v1/tenants/${a.id}`, admin);
    expect(untouched.json().data.name).toBe(`${a.marker} Ltd`);
    expect(untouched.json().data.branding.company_name).not.toBe('taken over');
  });
});
