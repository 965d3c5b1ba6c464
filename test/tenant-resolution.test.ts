import { randomUUID } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { TenantId } from '../src/tenancy/tenant-id.js';
import { MissingTenantPredicateError } from '../src/tenancy/tenant-query-guard.js';
import type { TenantScope } from '../src/tenancy/tenant-scope.js';
import { bodyFor, call } from './support/matrix-world.js';
import { hasParents, routeCollector } from './support/tenant-routes.js';
import { startTestInstance } from './support/test-instance.js';

const BASE_DOMAIN = 'example.test';
const collector = routeCollector();
// Tenant routes are read off the app, so the instance starts while the file is collected.
const tb = await startTestInstance({ onRoute: collector.onRoute, extraEnv: { BASE_DOMAIN } });
const routes = collector.tenantRoutes();
afterAll(() => tb.destroy());

let admin: string;
let owner: string;

async function setStatus(id: string, status: string, featureOverrides = '{}'): Promise<void> {
  await tb.services.tenancy.adminPool.query(
    'update platform.tenants set status = $2, feature_overrides = $3::jsonb where id = $1',
    [id, status, featureOverrides],
  );
  tb.services.tenancy.registry.invalidate(id as TenantId);
}

beforeAll(async () => {
  await tb.createTenant({ id: 'res-a' });
  await tb.createTenant({ id: 'res-b' });
  admin = await tb.adminToken();
  owner = await tb.login('owner@res-a.test', 'owner-password-1', 'res-a');
});
afterEach(async () => {
  await setStatus('res-a', 'active');
});

describe.for(routes)('$label', (route) => {
  const id = route.param ? randomUUID() : undefined;
  const body = bodyFor(route, 'resolution');

  it('needs a token first: 401 UNAUTHENTICATED, whatever tenant is named', async () => {
    const namings: Array<Record<string, string>> = [
      {},
      { 'x-tenant-id': 'res-a' },
      { 'x-tenant-id': 'no-such-tenant' },
    ];
    for (const headers of namings) {
      const response = await call(tb, route, { id, body, headers });
      expect(response.statusCode).toBe(401);
      expect(response.json().error.code).toBe('UNAUTHENTICATED');
    }
  });

  it('answers with X-Tenant-ID and X-Request-ID, on success and on error', async () => {
    const response = await call(tb, route, {
      token: owner,
      id,
      body,
      headers: { 'x-request-id': 'req-123' },
    });
    // A route inside another collection's row (`/entries/:type`) is given a parent no tenant has.
    // A write answers 201 (created), 202 (a background run) or 200 (an upsert such as POST /demand).
    const expected =
      route.param || hasParents(route) ? [404] : route.method === 'GET' ? [200] : [200, 201, 202];
    expect(expected, response.body).toContain(response.statusCode);
    expect(response.headers['x-tenant-id']).toBe('res-a');
    expect(response.headers['x-request-id']).toBe('req-123');
  });

  it('refuses a platform administrator who names no tenant (TENANT_REQUIRED) or an unknown one (TENANT_NOT_FOUND)', async () => {
    const none = await call(tb, route, { token: admin, id, body });
    expect(none.statusCode).toBe(400);
    expect(none.json().error.code).toBe('TENANT_REQUIRED');
    const unknown = await call(tb, route, {
      token: admin,
      id,
      body,
      headers: { 'x-tenant-id': 'no-such-tenant' },
    });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().error.code).toBe('TENANT_NOT_FOUND');
  });

  it('refuses a suspended tenant with TENANT_SUSPENDED, after the mismatch check', async () => {
    await setStatus('res-a', 'suspended');
    for (const as of [{ token: owner }, { token: admin, headers: { 'x-tenant-id': 'res-a' } }]) {
      const response = await call(tb, route, { ...as, id, body });
      expect(response.statusCode).toBe(403);
      expect(response.json().error.code).toBe('TENANT_SUSPENDED');
    }
    const mismatch = await call(tb, route, { token: owner, id, body, headers: { 'x-tenant-id': 'res-b' } });
    expect(mismatch.json().error.code).toBe('TENANT_MISMATCH');
  });
});

describe('resolution sources for a platform administrator', () => {
  const list = routes.find((route) => route.method === 'GET' && !route.param)!;

  it('resolves the tenant from X-Tenant-ID, the subdomain of BASE_DOMAIN or ?tenant_id=', async () => {
    const sources: Array<{ headers?: Record<string, string>; query?: Record<string, string> }> = [
      { headers: { 'x-tenant-id': 'res-b' } },
      { headers: { host: `res-b.${BASE_DOMAIN}` } },
      { query: { tenant_id: 'res-b' } },
    ];
    for (const extra of sources) {
      const response = await call(tb, list, { token: admin, ...extra });
      expect(response.statusCode, JSON.stringify(extra)).toBe(200);
      expect(response.headers['x-tenant-id']).toBe('res-b');
      expect(response.json().tenant_id).toBe('res-b');
    }
  });

  it('refuses a tenant user naming another tenant on a route where the tenant is optional', async () => {
    const response = await tb.app.inject({
      url: '/api/v1/auth/me',
      headers: { authorization: `Bearer ${owner}`, 'x-tenant-id': 'res-b' },
    });
    expect(response.statusCode).toBe(403);
    expect(response.json().error.code).toBe('TENANT_MISMATCH');
  });

  it('refuses sources that disagree with each other', async () => {
    const response = await call(tb, list, {
      token: admin,
      headers: { 'x-tenant-id': 'res-a', host: `res-b.${BASE_DOMAIN}` },
    });
    expect(response.statusCode).toBe(403);
    expect(response.json().error.code).toBe('TENANT_MISMATCH');
  });

  it('checks the tenant status before the feature', async () => {
    const gated = routes.find((route) => route.method === 'GET' && !route.param && route.feature)!;
    const off = JSON.stringify({ [gated.feature!]: false });
    await setStatus('res-a', 'active', off);
    const disabled = await call(tb, gated, { token: owner });
    expect(disabled.json().error.code).toBe('FEATURE_DISABLED');
    await setStatus('res-a', 'suspended', off);
    const suspended = await call(tb, gated, { token: owner });
    expect(suspended.json().error.code).toBe('TENANT_SUSPENDED');
  });
});

describe('the tenant query guard', () => {
  it('rejects a query on a tenant table without a tenant_id predicate', async () => {
    const tenant = (await tb.services.tenancy.registry.load('res-a' as TenantId))!;
    const run = (work: (scope: TenantScope) => Promise<unknown>) =>
      tb.services.tenancy.withTenant(tenant, work);
    await expect(run((scope) => scope.db.selectFrom('deployments').selectAll().execute())).rejects.toThrow(
      MissingTenantPredicateError,
    );
    await expect(run((scope) => scope.db.deleteFrom('deployments').execute())).rejects.toThrow(
      MissingTenantPredicateError,
    );
    await expect(
      run((scope) => scope.db.updateTable('deployments').set({ status: 'stopped' }).execute()),
    ).rejects.toThrow(MissingTenantPredicateError);
    await expect(
      run((scope) =>
        scope.db.selectFrom('deployments').selectAll().where('tenant_id', '=', scope.tenantId).execute(),
      ),
    ).resolves.toEqual(expect.any(Array));
  });
});

describe('platform routes and a tenant principal naming another tenant', () => {
  it('refuses X-Tenant-ID or ?tenant_id= of another tenant with 403 TENANT_MISMATCH', async () => {
    const tb = await startTestInstance();
    try {
      await tb.createTenant({ id: 'plat-a', isolation: 'pool' });
      const token = await tb.login('owner@plat-a.test', 'owner-password-1', 'plat-a');
      const headers = { authorization: `Bearer ${token}` };
      const own = await tb.app.inject({
        url: '/api/v1/tenants',
        headers: { ...headers, 'x-tenant-id': 'plat-a' },
      });
      expect(own.statusCode).toBe(200);
      for (const request of [
        { url: '/api/v1/tenants', headers: { ...headers, 'x-tenant-id': 'default' } },
        { url: '/api/v1/tenants?tenant_id=default', headers },
        { url: '/api/v1/tenants/plat-a', headers: { ...headers, 'x-tenant-id': 'nobody-here' } },
      ]) {
        const response = await tb.app.inject(request);
        expect(response.statusCode).toBe(403);
        expect(response.json().error.code).toBe('TENANT_MISMATCH');
      }
    } finally {
      await tb.destroy();
    }
  });
});
