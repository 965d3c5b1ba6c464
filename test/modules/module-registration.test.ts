import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registeredModules } from '../../src/modules/registered-modules.js';
import { findBehind } from '../../src/tenancy/migrations/migrate-tenant-storages.js';
import type { Isolation } from '../../src/tenancy/tenant-scope.js';
import { api } from '../support/identity-api.js';
import { bodyFor, buildWorld, call, rowOf } from '../support/matrix-world.js';
import { routeCollector } from '../support/tenant-routes.js';
import { ISOLATIONS, startTestInstance, type TestInstance } from '../support/test-instance.js';
import { createDemoRequest } from '../../src/modules/demo-requests/create-demo-request.js';
import { createTenant } from '../../src/modules/tenants/create-tenant.js';
import { gadgetsModule } from './gadgets-module.js';

// A module registered in test code only: the proof that adding one edits no core file.
const collector = routeCollector();
let tb: TestInstance;
const owners = new Map<string, string>();
const premium = (isolation: Isolation) => `gad-${isolation}`;

async function tenant(id: string, body: Record<string, unknown>): Promise<string> {
  await tb.createTenant({ id, ...body });
  const token = await tb.login(`owner@${id}.test`, 'owner-password-1', id);
  owners.set(id, token);
  return token;
}

beforeAll(async () => {
  tb = await startTestInstance({
    modules: [...registeredModules, gadgetsModule],
    onRoute: collector.onRoute,
  });
  await Promise.all([
    ...ISOLATIONS.map((isolation) => tenant(premium(isolation), { tier: 'premium', isolation })),
    tenant('gad-standard', { tier: 'standard' }),
    tenant('gad-workshop', { tier: 'standard', business_domain: 'workshop' }),
  ]);
});
afterAll(() => tb?.destroy());

describe('a module registered only in the module list', () => {
  it('applies its platform migration, and the application role may use its platform table', async () => {
    const { rows } = await tb.services.tenancy.adminPool.query(
      `select id from platform.migrations where id = 'gadgets.0001_vendors'`,
    );
    expect(rows).toHaveLength(1);
    await sql`insert into platform.gadget_vendors (id, name) values ('acme', 'Acme')`.execute(
      tb.services.tenancy.platformDb,
    );
    const read = await sql<{ name: string }>`select name from platform.gadget_vendors`.execute(
      tb.services.tenancy.platformDb,
    );
    expect(read.rows).toEqual([{ name: 'Acme' }]);
  });

  it.for(ISOLATIONS)(
    'applies its tenant migration in %s isolation and serves its routes there',
    async (isolation) => {
      const id = premium(isolation);
      const token = owners.get(id)!;
      const created = await api(tb, token, 'POST', '/gadgets', {
        payload: { name: `g-${isolation}`, size: 5 },
      });
      expect(created.statusCode, created.body).toBe(201);
      const read = await api(tb, token, 'GET', `/gadgets/${created.json().data.id}`);
      expect(read.json().data).toMatchObject({ tenant_id: id, name: `g-${isolation}` });
      const { rows } = await tb.services.tenancy.adminPool.query(
        `select migration_id from platform.storage_migrations where migration_id like 'gadgets%'`,
      );
      expect(rows.length).toBeGreaterThan(0);
      expect(await findBehind(tb.services.tenancy)).toEqual([]);
    },
  );

  it('gates its routes by its declared feature: per tier, and per business domain', async () => {
    const refused = await api(tb, owners.get('gad-standard')!, 'GET', '/gadgets');
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.code).toBe('FEATURE_DISABLED');
    const byDomain = await api(tb, owners.get('gad-workshop')!, 'GET', '/gadgets');
    expect(byDomain.statusCode).toBe(200);
    const admin = await tb.adminToken();
    const view = async (id: string) => (await api(tb, admin, 'GET', `/tenants/${id}`)).json().data;
    expect((await view('gad-standard')).features).not.toContain('gadgets');
    expect((await view('gad-workshop')).features).toContain('gadgets');
    expect((await view('gad-pool')).features).toContain('gadgets');
    const unknownDomain = await api(tb, admin, 'PATCH', '/tenants/gad-standard', {
      payload: { business_domain: 'atlantis' },
    });
    expect(unknownDomain.statusCode).toBe(400);
    expect(unknownDomain.json().error.code).toBe('VALIDATION_FAILED');
  });

  it('refuses an undeclared business domain in the use cases too, the CLI path with no schema', async () => {
    const tenancy = tb.services.tenancy;
    const input = { id: 'gad-atlantis', name: 'Atlantis', admin_email: 'o@atlantis.test' };
    await expect(createTenant(tenancy, { ...input, business_domain: 'atlantis' })).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      details: [{ path: 'business_domain', message: expect.stringContaining('workshop') }],
    });
    expect(await tenancy.registry.load('gad-atlantis' as never)).toBeUndefined();
    await expect(
      createDemoRequest(tenancy.platformDb, {
        company_name: 'A',
        email: 'a@atlantis.test',
        business_domain: 'atlantis',
      }),
    ).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
  });

  it('seeds its permissions into the built-in roles it names, and keys may hold them', async () => {
    const token = owners.get(premium('schema'))!;
    const roles = (await api(tb, token, 'GET', '/roles')).json().data as Array<{
      name: string;
      permissions: string[];
    }>;
    const of = (name: string) => roles.find((role) => role.name === name)!.permissions;
    for (const role of ['owner', 'admin', 'member'])
      expect(of(role)).toEqual(expect.arrayContaining(['gadgets:read', 'gadgets:write']));
    expect(of('viewer')).toContain('gadgets:read');
    expect(of('viewer')).not.toContain('gadgets:write');

    const key = await api(tb, token, 'POST', '/api-keys', {
      payload: { name: 'gadget reader', permissions: ['gadgets:read'] },
    });
    expect(key.statusCode, key.body).toBe(201);
    const secret = key.json().data.secret as string;
    expect((await api(tb, secret, 'GET', '/gadgets')).statusCode).toBe(200);
    const write = await api(tb, secret, 'POST', '/gadgets', { payload: { name: 'nope', size: 1 } });
    expect(write.statusCode).toBe(403);
    expect(write.json().error.code).toBe('FORBIDDEN');
  });

  it('enforces its declared quotas: creations per hour and a per-tier limit', async () => {
    const token = owners.get('gad-workshop')!;
    const admin = await tb.adminToken();
    const view = (await api(tb, admin, 'GET', '/tenants/gad-workshop')).json().data;
    expect(view.limits.creates_per_hour.gadgets).toBe(1);
    const tooBig = await api(tb, owners.get(premium('pool'))!, 'POST', '/gadgets', {
      payload: { name: 'huge', size: 101 },
    });
    expect(tooBig.statusCode).toBe(403);
    expect(tooBig.json().error.code).toBe('LIMIT_EXCEEDED');
    const first = await api(tb, token, 'POST', '/gadgets', { payload: { name: 'one', size: 1 } });
    expect(first.statusCode, first.body).toBe(201);
    const second = await api(tb, token, 'POST', '/gadgets', { payload: { name: 'two', size: 1 } });
    expect(second.statusCode).toBe(429);
    expect(second.json().error.code).toBe('RATE_LIMITED');
  });

  it("is enumerated by the isolation matrix's route collector and passes its cross-tenant checks", async () => {
    const routes = collector.tenantRoutes().filter((route) => route.module === 'gadgets');
    expect(routes.map((route) => route.label).sort()).toEqual([
      'GET /api/v1/gadgets',
      'GET /api/v1/gadgets/:id',
      'POST /api/v1/gadgets',
    ]);
    for (const route of routes) expect(route.feature).toBe('gadgets');
    // The matrix's own world builder and checks, in the models whose default tier has the feature.
    for (const isolation of ['schema', 'database'] as const) {
      const world = await buildWorld(tb, routes, isolation);
      const item = routes.find((route) => route.param)!;
      const other = await call(tb, item, { token: world.aToken, id: rowOf(world.b, item) });
      expect(other.statusCode).toBe(404);
      expect(other.json().error.code).toBe('NOT_FOUND');
      const post = routes.find((route) => route.method === 'POST')!;
      const created = await call(tb, post, { token: world.aToken, body: bodyFor(post, world.a.marker) });
      expect(created.json().data.tenant_id).toBe(world.a.id);
    }
  });
});
