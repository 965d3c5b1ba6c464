import { randomUUID } from 'node:crypto';
import type { RouteOptions } from 'fastify';
import type { TSchema } from '@sinclair/typebox';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PLATFORM_ROUTE_ROLES, platformRolesFor } from '../src/http/platform-route-roles.js';
import { PLATFORM_ROLES, type PlatformRole } from '../src/identity/platform-roles.js';
import { api } from './support/identity-api.js';
import { sampleValue } from './support/sample-body.js';
import { routeCollector } from './support/tenant-routes.js';
import { startTestInstance } from './support/test-instance.js';

/** A platform route as the matrix calls it: its path parameters name things that do not exist. */
interface PlatformRoute {
  method: string;
  url: string;
  body: TSchema | undefined;
  label: string;
}

// Generated from the app's own routes: a route added later is in the matrix without an edit here.
const seen: RouteOptions[] = [];
const tenantCollector = routeCollector();
const tb = await startTestInstance({
  onRoute: (route) => {
    seen.push(route);
    tenantCollector.onRoute(route);
  },
});
afterAll(() => tb.destroy());

const platformRoutes: PlatformRoute[] = seen
  .filter((route) => route.url.startsWith('/api/v1/'))
  .filter((route) => !route.config?.public && route.config?.tenant !== 'required')
  .flatMap((route) =>
    (Array.isArray(route.method) ? route.method : [route.method])
      .filter((method) => method !== 'HEAD')
      .map((method) => ({
        method,
        url: route.url,
        body: (route.schema as { body?: TSchema } | undefined)?.body,
        label: `${method} ${route.url.slice('/api/v1'.length)}`,
      })),
  );
const tenantRoutes = tenantCollector.tenantRoutes();

const GHOST_TENANT = 'ghost-co';
/** Path parameters that name nothing, so an allowed call changes nothing that exists. */
function pathOf(url: string): string {
  return url
    .replace(/^\/api\/v1/, '')
    .replace(/:id(?=\/|$)/, url.startsWith('/api/v1/tenants/') ? GHOST_TENANT : randomUUID())
    .replace(/:[a-z_]+/g, () => randomUUID());
}

const tokens = new Map<PlatformRole, string>();
beforeAll(async () => {
  tokens.set('platform_admin', await tb.adminToken());
  for (const role of ['platform_support', 'platform_billing'] as const) {
    const email = `${role}@operator.test`;
    const created = await api(tb, tokens.get('platform_admin')!, 'POST', '/platform/admins', {
      payload: { email, role, password: 'staff-password-1' },
    });
    expect(created.statusCode, created.body).toBe(201);
    tokens.set(role, await tb.login(email, 'staff-password-1'));
  }
  await tb.createTenant({ id: 'acme' });
}, 120_000);

it('finds the platform routes of every module, and the table names only real roles', () => {
  const labels = platformRoutes.map((route) => route.label);
  expect(labels).toEqual(expect.arrayContaining(['POST /tenants', 'GET /platform/admins', 'GET /outbox']));
  for (const roles of Object.values(PLATFORM_ROUTE_ROLES)) {
    expect(roles).toContain('platform_admin');
    for (const role of roles) expect(PLATFORM_ROLES).toContain(role);
  }
});

it('keeps SPEC §8 whatever the table says: support only reads, billing reads and sets billing, some routes are admin only', () => {
  // The caller's own account (/auth/me, MFA) is everyone's; the rest is the platform's.
  for (const route of platformRoutes.filter((r) => !r.url.startsWith('/api/v1/auth/'))) {
    const roles = platformRolesFor(route.method, route.url);
    if (roles.includes('platform_support')) expect(route.method, route.label).toBe('GET');
    if (roles.includes('platform_billing'))
      expect(route.method === 'GET' || route.label === 'PUT /tenants/:id/billing', route.label).toBe(true);
    if (/^[A-Z]+ \/(outbox|platform\/admins)|\/exports\//.test(route.label))
      expect(roles, route.label).toEqual(['platform_admin']);
  }
  expect(platformRolesFor('PUT', '/api/v1/tenants/:id/billing')).toContain('platform_billing');
  expect(platformRolesFor('GET', '/api/v1/tenants/:id')).toEqual([...PLATFORM_ROLES]);
});

describe.for(platformRoutes)('$label', (route) => {
  it.for([...PLATFORM_ROLES])('%s: allowed by the table, or 403 FORBIDDEN', async (role) => {
    const allowed = platformRolesFor(route.method, route.url).includes(role);
    const response = await api(tb, tokens.get(role)!, route.method as 'GET', pathOf(route.url), {
      ...(route.body ? { payload: sampleValue(route.body as Record<string, unknown>, 'matrix') } : {}),
    });
    if (allowed) {
      expect(response.statusCode, `${role} ${route.label}: ${response.body}`).not.toBe(403);
      expect(response.statusCode, `${role} ${route.label}: ${response.body}`).toBeLessThan(500);
    } else {
      expect(response.statusCode, `${role} ${route.label}: ${response.body}`).toBe(403);
      expect(response.json().error.code).toBe('FORBIDDEN');
    }
  });
});

describe('inside a tenant (X-Tenant-ID)', () => {
  describe.for(tenantRoutes)('$label', (route) => {
    it.for([...PLATFORM_ROLES])('%s', async (role) => {
      const path = route.url
        .replace(/^\/api\/v1/, '')
        .replace(/:[a-z_]+/g, () => (route.param === 'name' ? 'no-such-role' : randomUUID()));
      const response = await api(tb, tokens.get(role)!, route.method as 'GET', path, {
        headers: { 'x-tenant-id': 'acme' },
        ...(route.body ? { payload: sampleValue(route.body as Record<string, unknown>, 'inside') } : {}),
      });
      const reads = route.method === 'GET';
      const allowed = role === 'platform_admin' || (role === 'platform_support' && reads);
      const label = `${role} ${route.label}: ${response.body}`;
      if (allowed) {
        expect(response.json().error?.code, label).not.toBe('FORBIDDEN');
        expect(response.statusCode, label).toBeLessThan(500);
      } else {
        expect(response.statusCode, label).toBe(403);
        expect(response.json().error.code, label).toBe('FORBIDDEN');
      }
    });
  });
});

describe('support and billing, concretely', () => {
  it('support reads inside a tenant (audited) and cannot write there', async () => {
    const support = tokens.get('platform_support')!;
    const list = await api(tb, support, 'GET', '/deployments', { headers: { 'x-tenant-id': 'acme' } });
    expect(list.statusCode, list.body).toBe(200);
    const write = await api(tb, support, 'POST', '/deployments', {
      headers: { 'x-tenant-id': 'acme' },
      payload: { project_name: 'nope' },
    });
    expect(write.statusCode).toBe(403);
    expect(write.json().error.code).toBe('FORBIDDEN');
    const supportId = (await api(tb, support, 'GET', '/auth/me')).json().data.user.id as string;
    await expect
      .poll(
        async () =>
          tb.services.tenancy.platformDb
            .selectFrom('platform.platform_audit')
            .select(['tenant_id', 'details'])
            .where('actor_id', '=', supportId)
            .where('tenant_id', '=', 'acme')
            .execute(),
        { timeout: 10_000 },
      )
      .toEqual(
        expect.arrayContaining([
          expect.objectContaining({
            tenant_id: 'acme',
            details: expect.objectContaining({ method: 'GET', route: '/api/v1/deployments' }),
          }),
        ]),
      );
  });

  it('billing sets and reads the billing customer; support reads it; nobody else of theirs writes', async () => {
    const billing = tokens.get('platform_billing')!;
    const put = await api(tb, billing, 'PUT', '/tenants/acme/billing', {
      payload: { provider: 'stripe', customer_id: 'cus_123' },
    });
    expect(put.statusCode, put.body).toBe(200);
    expect(put.json().data).toEqual({ tenant_id: 'acme', provider: 'stripe', customer_id: 'cus_123' });
    const read = await api(tb, tokens.get('platform_support')!, 'GET', '/tenants/acme/billing');
    expect(read.json().data).toEqual({ tenant_id: 'acme', provider: 'stripe', customer_id: 'cus_123' });
    const refused = await api(tb, tokens.get('platform_support')!, 'PUT', '/tenants/acme/billing', {
      payload: { provider: 'stripe', customer_id: 'cus_999' },
    });
    expect(refused.statusCode).toBe(403);
    expect((await api(tb, billing, 'GET', '/tenants/acme')).statusCode).toBe(200);
    expect((await api(tb, billing, 'GET', '/tenants/acme/stats')).statusCode).toBe(200);
    expect(
      (await api(tb, billing, 'GET', '/deployments', { headers: { 'x-tenant-id': 'acme' } })).statusCode,
    ).toBe(403);
    // A tenant user cannot reach it at all.
    const owner = await tb.login('owner@acme.test', 'owner-password-1', 'acme');
    expect((await api(tb, owner, 'GET', '/tenants/acme/billing')).statusCode).toBe(403);
  });
});
