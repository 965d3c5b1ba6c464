import { randomUUID } from 'node:crypto';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Isolation } from '../src/tenancy/tenant-scope.js';
import {
  bodyFor,
  buildWorld,
  call,
  type Query,
  readBack,
  rowOf,
  secretsOf,
  type World,
} from './support/matrix-world.js';
import { routeCollector } from './support/tenant-routes.js';
import { ISOLATIONS, startTestInstance } from './support/test-instance.js';

const BASE_DOMAIN = 'example.test';
/** A well-formed tenant id nobody created: naming it must be refused just like naming a real one. */
const GHOST = 'ghost-tenant';

// The tests are generated from the app's own routes, so the instance starts while the file is
// collected: a newly registered module is checked here without editing this file.
const collector = routeCollector();
const tb = await startTestInstance({ onRoute: collector.onRoute, extraEnv: { BASE_DOMAIN } });
const routes = collector.tenantRoutes();
afterAll(() => tb.destroy());

const worlds = new Map<Isolation, World>();
beforeAll(async () => {
  for (const world of await Promise.all(ISOLATIONS.map((isolation) => buildWorld(tb, routes, isolation))))
    worlds.set(world.isolation, world);
});

function expectNoTrace(response: LightMyRequestResponse, secrets: string[], label: string): void {
  const seen = response.body + JSON.stringify(response.headers);
  for (const secret of secrets) expect(seen, `${label} leaks "${secret}"`).not.toContain(secret);
}

it('enumerates the tenant routes of every module that registers any', () => {
  const modules = new Set(routes.map((route) => route.module));
  expect(modules).toContain('deployments');
  expect(modules).toContain('workflows');
  expect(routes.length).toBeGreaterThanOrEqual(10);
});

describe.for(ISOLATIONS)('%s isolation', (isolation) => {
  describe.for(routes)('$label', (route) => {
    it("does not reach, change or reveal the other tenant's rows", async () => {
      const world = worlds.get(isolation)!;
      const { a, b, aToken } = world;
      const body = bodyFor(route, a.marker);
      if (route.param) {
        const otherId = rowOf(b, route);
        const before = await readBack(tb, routes, world, b, route.collection, otherId);
        const response = await call(tb, route, { token: aToken, id: otherId, body, side: a });
        expect(response.statusCode, route.label).toBe(404);
        // SPEC §5: another tenant's row is NOT_FOUND exactly like a missing one.
        const missing = await call(tb, route, { token: aToken, id: randomUUID(), body, side: a });
        expect(response.json().error).toEqual(missing.json().error);
        expect(response.json().error.code).toBe('NOT_FOUND');
        expectNoTrace(response, secretsOf(b), route.label);
        expect(await readBack(tb, routes, world, b, route.collection, otherId)).toEqual(before);
      } else if (route.method === 'GET') {
        // The other tenant reads the same URL first, so a shared cache entry would show here.
        await call(tb, route, { token: world.adminToken, headers: { 'x-tenant-id': b.id }, side: b });
        const response = await call(tb, route, { token: aToken, side: a });
        expect(response.statusCode, route.label).toBe(200);
        // A collection answers an array; a tenant-wide summary (GET /audit/verify) one object.
        const data = response.json().data as Record<string, unknown> | Array<Record<string, unknown>>;
        const rows = Array.isArray(data) ? data : [data];
        for (const row of rows) if ('tenant_id' in row) expect(row.tenant_id).toBe(a.id);
        const own = a.rows.get(route.collection);
        if (own) expect(rows.map((row) => row.id)).toContain(own);
        expectNoTrace(response, secretsOf(b), route.label);
      } else {
        const response = await call(tb, route, { token: aToken, body, side: a });
        expect(response.statusCode, `${route.label}: ${response.body}`).toBeLessThan(300);
        const created = response.json().data as Record<string, unknown>;
        if ('tenant_id' in created) expect(created.tenant_id).toBe(a.id);
        expectNoTrace(response, secretsOf(b), route.label);
        if (typeof created.id === 'string')
          expect(await readBack(tb, routes, world, b, route.collection, created.id)).toBe(404);
      }
    });

    it('refuses a request naming another tenant (existing or not) with TENANT_MISMATCH', async () => {
      const { a, b, aToken } = worlds.get(isolation)!;
      const id = route.param ? rowOf(a, route) : undefined;
      const body = bodyFor(route, a.marker);
      const naming = (
        tenant: string,
      ): Record<string, { headers?: Record<string, string>; query?: Query }> => ({
        'X-Tenant-ID': { headers: { 'x-tenant-id': tenant } },
        host: { headers: { host: `${tenant}.${BASE_DOMAIN}` } },
        'host with port': { headers: { host: `${tenant}.${BASE_DOMAIN}:8443` } },
        'host with trailing dot': { headers: { host: `${tenant}.${BASE_DOMAIN}.` } },
        '?tenant_id=': { query: { tenant_id: tenant } },
        'repeated ?tenant_id=': { query: { tenant_id: [tenant, tenant] } },
      });
      for (const other of [b.id, GHOST]) {
        for (const [how, extra] of Object.entries(naming(other))) {
          const label = `${route.label} with ${how} ${other}`;
          const response = await call(tb, route, { token: aToken, id, body, side: a, ...extra });
          expect(response.statusCode, label).toBe(403);
          expect(response.json().error.code, label).toBe('TENANT_MISMATCH');
          expectNoTrace(response, [...secretsOf(b), GHOST], label);
        }
      }
      if (route.method !== 'GET') return;
      // The same sources naming the caller's own tenant agree with the token and are served (a
      // repeated parameter stays malformed even then).
      const own = Object.entries(naming(a.id)).filter(([how]) => !how.startsWith('repeated'));
      for (const [how, extra] of own) {
        const response = await call(tb, route, { token: aToken, id, side: a, ...extra });
        expect(response.statusCode, `${route.label} with ${how} ${a.id}`).toBe(200);
      }
    });
  });
});

describe.for(ISOLATIONS)('the tenant API seen by a %s tenant user', (isolation) => {
  it('lists and reads only its own tenant, without placement', async () => {
    const { a, b, aToken } = worlds.get(isolation)!;
    const get = (url: string) => tb.app.inject({ url, headers: { authorization: `Bearer ${aToken}` } });
    const listed = await get('/api/v1/tenants');
    expect(listed.json().data.map((tenant: { id: string }) => tenant.id)).toEqual([a.id]);
    expectNoTrace(listed, secretsOf(b), 'GET /api/v1/tenants');
    const own = await get(`/api/v1/tenants/${a.id}`);
    expect(own.statusCode).toBe(200);
    expect(own.json().data).not.toHaveProperty('placement');
  });

  it('is refused any other tenant, existing or not, with TENANT_MISMATCH', async () => {
    const { b, aToken } = worlds.get(isolation)!;
    for (const other of [b.id, GHOST]) {
      for (const url of [`/api/v1/tenants/${other}`, `/api/v1/tenants/${other}/stats`]) {
        const response = await tb.app.inject({ url, headers: { authorization: `Bearer ${aToken}` } });
        expect(response.statusCode, url).toBe(403);
        expect(response.json().error.code, url).toBe('TENANT_MISMATCH');
        expectNoTrace(response, [...secretsOf(b), GHOST], url);
      }
    }
  });
});
