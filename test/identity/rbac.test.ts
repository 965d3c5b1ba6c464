import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { permissionCatalogue } from '../../src/identity/permissions.js';
import type { Isolation } from '../../src/tenancy/tenant-scope.js';
import { api, TIER_OF } from '../support/identity-api.js';
import { ISOLATIONS, startTestInstance, type TestInstance } from '../support/test-instance.js';

const PASSWORD = 'user-password-1';

let tb: TestInstance;
const ownerTokens = new Map<Isolation, string>();
const tenantOf = (isolation: Isolation) => `rbac-${isolation}`;

beforeAll(async () => {
  tb = await startTestInstance();
  await Promise.all(
    ISOLATIONS.map((isolation) =>
      tb.createTenant({ id: tenantOf(isolation), isolation, tier: TIER_OF[isolation] }),
    ),
  );
  for (const isolation of ISOLATIONS) {
    const tenant = tenantOf(isolation);
    ownerTokens.set(isolation, await tb.login(`owner@${tenant}.test`, 'owner-password-1', tenant));
  }
});
afterAll(() => tb?.destroy());

describe.for(ISOLATIONS)('roles of a %s tenant', (isolation) => {
  const tenant = tenantOf(isolation);
  const owner = () => ownerTokens.get(isolation)!;
  /** A user holding `role`, signed in; the token is made once per name. */
  const tokens = new Map<string, string>();
  const userWith = async (name: string, role: string) => {
    if (!tokens.has(name)) {
      const email = `${name}-${isolation}@rbac.test`;
      const created = await api(tb, owner(), 'POST', '/users', {
        payload: { email, role, password: PASSWORD },
      });
      expect(created.statusCode, created.body).toBe(201);
      tokens.set(name, await tb.login(email, PASSWORD, tenant));
    }
    return tokens.get(name)!;
  };

  it('lists the built-in roles, seeded from the catalogue; the owner holds every permission', async () => {
    const response = await api(tb, owner(), 'GET', '/roles');
    expect(response.statusCode).toBe(200);
    const roles = response.json().data as Array<{ name: string; permissions: string[]; built_in: boolean }>;
    expect(roles.filter((r) => r.built_in).map((r) => r.name)).toEqual([
      'admin',
      'member',
      'owner',
      'viewer',
    ]);
    expect(roles.find((r) => r.name === 'owner')!.permissions).toEqual([...permissionCatalogue()]);
    expect(roles.find((r) => r.name === 'admin')!.permissions).not.toContain('oidc:manage');
    for (const role of roles) for (const p of role.permissions) expect(permissionCatalogue()).toContain(p);
  });

  it('lets only holders of roles:manage see or change roles (403 FORBIDDEN for a member)', async () => {
    const member = await userWith('mia', 'member');
    const calls = [
      api(tb, member, 'GET', '/roles'),
      api(tb, member, 'POST', '/roles', { payload: { name: 'sneaky', permissions: [] } }),
      api(tb, member, 'PATCH', '/roles/member', { payload: { permissions: [] } }),
      api(tb, member, 'DELETE', '/roles/viewer'),
    ];
    for (const response of await Promise.all(calls)) {
      expect(response.statusCode).toBe(403);
      expect(response.json().error.code).toBe('FORBIDDEN');
    }
  });

  it('refuses permissions outside the catalogue and malformed or reserved names (400)', async () => {
    for (const payload of [
      { name: 'platformish', permissions: ['platform:admin'] },
      { name: 'starry', permissions: ['*'] },
      { name: 'Bad Name', permissions: [] },
      { name: 'platform_admin', permissions: [] },
    ]) {
      const response = await api(tb, owner(), 'POST', '/roles', { payload });
      expect(response.statusCode, JSON.stringify(payload)).toBe(400);
      expect(response.json().error.code).toBe('VALIDATION_FAILED');
    }
  });

  it('grants through a custom role: deployments:read lists but cannot create, until the role changes', async () => {
    const created = await api(tb, owner(), 'POST', '/roles', {
      payload: { name: 'deploy-reader', permissions: ['deployments:read'] },
    });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json().data).toMatchObject({
      name: 'deploy-reader',
      permissions: ['deployments:read'],
      built_in: false,
    });
    const reader = await userWith('rita', 'deploy-reader');
    expect((await api(tb, reader, 'GET', '/deployments')).statusCode).toBe(200);
    const write = await api(tb, reader, 'POST', '/deployments', { payload: { project_name: 'web' } });
    expect(write.statusCode).toBe(403);
    expect(write.json().error.code).toBe('FORBIDDEN');
    expect((await api(tb, reader, 'GET', '/workflows')).statusCode).toBe(403);

    // The change is read from the tenant's roles table at once, not after the cache expires.
    await api(tb, owner(), 'PATCH', '/roles/deploy-reader', {
      payload: { permissions: ['deployments:read', 'deployments:write'] },
    });
    expect(
      (await api(tb, reader, 'POST', '/deployments', { payload: { project_name: 'web' } })).statusCode,
    ).toBe(201);
    const duplicate = await api(tb, owner(), 'POST', '/roles', {
      payload: { name: 'deploy-reader', permissions: [] },
    });
    expect(duplicate.statusCode).toBe(409);
  });

  it('edits built-in roles but never renames or deletes them, nor changes what the owner holds', async () => {
    const viewer = await userWith('vic', 'viewer');
    expect((await api(tb, viewer, 'GET', '/workflows')).statusCode).toBe(200);
    const narrowed = await api(tb, owner(), 'PATCH', '/roles/viewer', {
      payload: { permissions: ['tenant:read', 'deployments:read'] },
    });
    expect(narrowed.statusCode).toBe(200);
    expect((await api(tb, viewer, 'GET', '/workflows')).statusCode).toBe(403);
    await api(tb, owner(), 'PATCH', '/roles/viewer', {
      payload: { permissions: ['tenant:read', 'deployments:read', 'workflows:read'] },
    });

    for (const [method, path, payload] of [
      ['DELETE', '/roles/viewer', undefined],
      ['PATCH', '/roles/member', { name: 'staff' }],
      ['PATCH', '/roles/owner', { permissions: ['tenant:read'] }],
    ] as const) {
      const response = await api(tb, owner(), method, path, { payload });
      expect(response.statusCode, `${method} ${path}`).toBe(409);
      expect(response.json().error.code).toBe('CONFLICT');
    }
  });

  it('renames a custom role with its holders; refuses to delete a role in use (409), then deletes it', async () => {
    const renamed = await api(tb, owner(), 'PATCH', '/roles/deploy-reader', {
      payload: { name: 'deployer' },
    });
    expect(renamed.statusCode, renamed.body).toBe(200);
    expect(renamed.json().data.name).toBe('deployer');
    expect(
      (await api(tb, owner(), 'PATCH', '/roles/deploy-reader', { payload: { permissions: [] } })).statusCode,
    ).toBe(404);
    const users = (await api(tb, owner(), 'GET', '/users', { query: { q: 'rita' } })).json().data as Array<{
      id: string;
      roles: string[];
    }>;
    expect(users[0]!.roles).toEqual(['deployer']);

    const inUse = await api(tb, owner(), 'DELETE', '/roles/deployer');
    expect(inUse.statusCode).toBe(409);
    expect(inUse.json().error.code).toBe('CONFLICT');
    await api(tb, owner(), 'PATCH', `/users/${users[0]!.id}`, { payload: { roles: ['viewer'] } });
    expect((await api(tb, owner(), 'DELETE', '/roles/deployer')).statusCode).toBe(204);
    expect((await api(tb, owner(), 'DELETE', '/roles/deployer')).statusCode).toBe(404);
  });

  it('lets an admin make only roles within its own permissions', async () => {
    const admin = await userWith('ari', 'admin');
    const within = await api(tb, admin, 'POST', '/roles', {
      payload: { name: 'auditor', permissions: ['audit:read', 'users:read'] },
    });
    expect(within.statusCode).toBe(201);
    const beyond = await api(tb, admin, 'POST', '/roles', {
      payload: { name: 'idp-keeper', permissions: ['oidc:manage'] },
    });
    expect(beyond.statusCode).toBe(403);
    expect(beyond.json().error.code).toBe('FORBIDDEN');
  });

  it('gives a platform administrator inside the tenant every permission', async () => {
    const admin = await tb.adminToken();
    const headers = { 'x-tenant-id': tenant };
    const created = await api(tb, admin, 'POST', '/roles', {
      payload: { name: 'idp-keeper', permissions: ['oidc:manage'] },
      headers,
    });
    expect(created.statusCode, created.body).toBe(201);
    expect((await api(tb, admin, 'DELETE', '/roles/idp-keeper', { headers })).statusCode).toBe(204);
  });

  it("keeps roles apart: another tenant's custom role is NOT_FOUND, naming the tenant is TENANT_MISMATCH", async () => {
    const others = ISOLATIONS.filter((i) => i !== isolation).map(tenantOf);
    const own = (await api(tb, owner(), 'GET', '/roles')).json().data as Array<{ name: string }>;
    for (const other of others) {
      // Every tenant of this file made `auditor`; a made-up name stands for one only the other has.
      const theirs = `only-${other}`;
      await api(tb, await tb.adminToken(), 'POST', '/roles', {
        payload: { name: theirs, permissions: [] },
        headers: { 'x-tenant-id': other },
      });
      expect(own.map((r) => r.name)).not.toContain(theirs);
      expect((await api(tb, owner(), 'DELETE', `/roles/${theirs}`)).statusCode).toBe(404);
      const named = await api(tb, owner(), 'GET', '/roles', { query: { tenant_id: other } });
      expect(named.json().error.code).toBe('TENANT_MISMATCH');
    }
  });
});
