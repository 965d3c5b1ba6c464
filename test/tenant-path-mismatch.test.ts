import type { RouteOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, TIER_OF } from './support/identity-api.js';
import { ISOLATIONS, startTestInstance, type TestInstance } from './support/test-instance.js';

// SPEC §5 checks resolution before permission: a tenant principal naming another tenant in a
// `/tenants/{id}/...` path is TENANT_MISMATCH (existing or not), on platform-only routes too,
// where its own tenant's id is then FORBIDDEN. Every such route is found as it is registered.
const GHOST = 'ghost-tenant-zz';
const OTHER_ROW = '00000000-0000-4000-8000-000000000000';
const routes: Array<{ method: string; url: string }> = [];
let tb: TestInstance;
const tokens: Record<string, { user: string; key: string }> = {};

beforeAll(async () => {
  tb = await startTestInstance({
    onRoute: (route: RouteOptions) => {
      if (!route.url.startsWith('/api/v1/tenants/:id')) return;
      for (const method of [route.method].flat())
        if (method !== 'HEAD') routes.push({ method, url: route.url });
    },
  });
  for (const isolation of ISOLATIONS) {
    for (const side of ['a', 'b']) {
      const id = `path-${isolation}-${side}`;
      await tb.createTenant({ id, isolation, tier: TIER_OF[isolation] });
      const user = await tb.login(`owner@${id}.test`, 'owner-password-1', id);
      const created = await api(tb, user, 'POST', '/api-keys', {
        payload: { name: 'reader', permissions: ['deployments:read'] },
      });
      tokens[id] = { user, key: created.json().data.secret };
    }
  }
}, 180_000);
afterAll(async () => {
  await tb?.destroy();
});

const fill = (url: string, id: string) =>
  url
    .replace(':id', id)
    .replace(/:[a-z_]+/g, OTHER_ROW)
    .slice('/api/v1'.length);

describe.for(ISOLATIONS)('/tenants/{id}/... seen by a %s tenant principal', (isolation) => {
  const a = `path-${isolation}-a`;
  const b = `path-${isolation}-b`;

  it('is TENANT_MISMATCH for another tenant, existing or not, on every route', async () => {
    expect(routes.map((route) => route.url)).toEqual(
      expect.arrayContaining([
        '/api/v1/tenants/:id/health',
        '/api/v1/tenants/:id/activity',
        '/api/v1/tenants/:id/billing',
      ]),
    );
    for (const [kind, token] of Object.entries(tokens[a]!)) {
      for (const route of routes) {
        for (const other of [b, GHOST]) {
          const response = await api(tb, token, route.method as 'GET', fill(route.url, other), {
            ...(route.method === 'GET' || route.method === 'DELETE' ? {} : { payload: {} }),
          });
          const label = `${kind} ${route.method} ${fill(route.url, other)}`;
          expect(response.statusCode, `${label}: ${response.body}`).toBe(403);
          expect(response.json().error.code, label).toBe('TENANT_MISMATCH');
          expect(response.body, label).not.toContain(b);
        }
      }
    }
  });

  it('is FORBIDDEN on platform-only routes for its own tenant', async () => {
    for (const path of [`/tenants/${a}/health`, `/tenants/${a}/activity`, `/tenants/${a}/billing`]) {
      const response = await api(tb, tokens[a]!.user, 'GET', path);
      expect(response.statusCode, path).toBe(403);
      expect(response.json().error.code, path).toBe('FORBIDDEN');
    }
  });
});
