import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Isolation } from '../src/tenancy/tenant-scope.js';
import { ADMIN, ISOLATIONS, startTestInstance, type TestInstance } from './support/test-instance.js';

let tb: TestInstance;
beforeAll(async () => {
  tb = await startTestInstance();
});
afterAll(async () => {
  await tb?.destroy();
});

function api(
  token: string,
  url: string,
  init: { method?: 'GET' | 'POST' | 'PATCH'; payload?: object; headers?: Record<string, string> } = {},
) {
  return tb.app.inject({
    method: init.method ?? 'GET',
    url: `/api/v1${url}`,
    headers: { authorization: `Bearer ${token}`, ...init.headers },
    ...(init.payload ? { payload: init.payload } : {}),
  });
}

async function waitForExport(admin: string, tenant: string, id: string) {
  for (let i = 0; i < 200; i += 1) {
    const job = (await api(admin, `/tenants/${tenant}/exports/${id}`)).json().data;
    if (job.status !== 'running') return job;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('export did not finish');
}

describe.each(ISOLATIONS)('the console routes of a tenant in %s isolation', (isolation: Isolation) => {
  const a = `cons-${isolation}-a`;
  const b = `cons-${isolation}-b`;
  let admin: string;
  let ownerA: string;
  let ownerB: string;
  let exportA: string;

  beforeAll(async () => {
    for (const id of [a, b]) await tb.createTenant({ id, isolation, tier: 'enterprise' });
    admin = await tb.adminToken();
    ownerA = await tb.login(`owner@${a}.test`, 'owner-password-1', a);
    ownerB = await tb.login(`owner@${b}.test`, 'owner-password-1', b);
    const meA = (await api(ownerA, '/auth/me')).json().data.user;
    expect(
      (await api(ownerA, `/users/${meA.id}`, { method: 'PATCH', payload: { name: 'Ada A' } })).statusCode,
    ).toBe(200);
    const meB = (await api(ownerB, '/auth/me')).json().data.user;
    expect(
      (await api(ownerB, `/users/${meB.id}`, { method: 'PATCH', payload: { name: 'Bob B' } })).statusCode,
    ).toBe(200);
    for (const [token, name] of [
      [ownerA, 'a-deploy'],
      [ownerB, 'b-deploy'],
    ] as const)
      expect(
        (await api(token, '/deployments', { method: 'POST', payload: { project_name: name } })).statusCode,
      ).toBe(201);
    expect(
      (await api(admin, `/tenants/${a}`, { method: 'PATCH', payload: { tier: 'premium' } })).statusCode,
    ).toBe(200);
    const started = await api(admin, `/tenants/${a}/export`, { method: 'POST' });
    expect(started.statusCode).toBe(202);
    exportA = started.json().data.id;
    expect((await waitForExport(admin, a, exportA)).status).toBe('done');
  });

  it('lists a tenant’s persisted exports, newest first, and only its own', async () => {
    const listed = await api(admin, `/tenants/${a}/exports`);
    expect(listed.statusCode).toBe(200);
    expect(listed.json().data.map((job: { id: string }) => job.id)).toEqual([exportA]);
    expect(listed.json().data[0].download_url).toContain(`/tenants/${a}/exports/${exportA}`);
    expect((await api(admin, `/tenants/${b}/exports`)).json().data).toEqual([]);
    // Another tenant's export id under this tenant's path looks missing.
    expect((await api(admin, `/tenants/${b}/exports/${exportA}`)).statusCode).toBe(404);
  });

  it('shows the platform’s acts on a tenant with the administrator’s email', async () => {
    const activity = await api(admin, `/tenants/${a}/activity?limit=50`);
    expect(activity.statusCode).toBe(200);
    const rows = activity.json().data as { action: string; actor_email: string | null; actor_type: string }[];
    expect(rows.length).toBeGreaterThan(0);
    const byAdmin = rows.filter((row) => row.actor_type === 'platform_admin');
    expect(byAdmin.length).toBeGreaterThan(0);
    for (const row of byAdmin) expect(row.actor_email).toBe(ADMIN.email);
    const ofB = (await api(admin, `/tenants/${b}/activity?limit=50`)).json().data as { id: string }[];
    const idsOfA = new Set(rows.map((row) => (row as unknown as { id: string }).id));
    for (const row of ofB) expect(idsOfA.has(row.id)).toBe(false);
  });

  it('refuses tenant users the platform routes: another tenant first as a mismatch (SPEC §5)', async () => {
    for (const [url, code] of [
      [`/tenants/${a}/exports`, 'FORBIDDEN'],
      [`/tenants/${b}/exports`, 'TENANT_MISMATCH'],
      [`/tenants/${b}/activity`, 'TENANT_MISMATCH'],
      [`/tenants/${a}/activity`, 'FORBIDDEN'],
    ]) {
      const response = await api(ownerA, url!);
      expect(response.statusCode).toBe(403);
      expect(response.json().error.code, url).toBe(code);
      expect(response.body).not.toContain('Bob B');
    }
  });

  it('rejects bad input with 400', async () => {
    for (const query of ['limit=0', 'limit=101', 'limit=abc', 'bogus=1'])
      expect((await api(admin, `/tenants/${a}/activity?${query}`)).statusCode).toBe(400);
    expect((await api(admin, `/tenants/${'x'.repeat(65)}/exports`)).statusCode).toBe(400);
    expect((await api(admin, `/tenants/NOT%20A%20TENANT/activity`)).statusCode).toBe(400);
    expect((await api(admin, `/tenants/no-such-tenant/exports`)).statusCode).toBe(404);
  });

  it('names the audit trail’s people from the tenant only', async () => {
    const trail = await api(ownerA, '/audit?per_page=100');
    expect(trail.statusCode).toBe(200);
    const entries = trail.json().data as {
      actor_type: string;
      actor_email: string | null;
      actor_name: string | null;
    }[];
    const mine = entries.filter((e) => e.actor_type === 'tenant_user');
    expect(mine.length).toBeGreaterThan(0);
    for (const entry of mine) {
      expect(entry.actor_email).toBe(`owner@${a}.test`);
      expect(entry.actor_name).toBe('Ada A');
    }
    expect(trail.body).not.toContain('Bob B');
    expect(trail.body).not.toContain(`owner@${b}.test`);
    // A tenant's administrators see that the platform acted, not which of its staff did.
    expect(trail.body).not.toContain(ADMIN.email);
  });

  it('gives platform administrators the staff email in a tenant trail, and 403 for a header naming another tenant', async () => {
    const asAdmin = await api(admin, '/audit?per_page=100', { headers: { 'x-tenant-id': a } });
    expect(asAdmin.statusCode).toBe(200);
    expect(asAdmin.body).toContain('Ada A');
    expect(asAdmin.body).not.toContain('Bob B');
    const crossed = await api(ownerA, '/audit', { headers: { 'x-tenant-id': b } });
    expect(crossed.statusCode).toBe(403);
    expect(crossed.body).not.toContain('Bob B');
  });

  it('filters the trail by person; another tenant’s person finds nothing', async () => {
    const meA = (await api(ownerA, '/auth/me')).json().data.user;
    const meB = (await api(ownerB, '/auth/me')).json().data.user;
    const own = (await api(ownerA, `/audit?actor_id=${meA.id}`)).json().data as { actor_id: string }[];
    expect(own.length).toBeGreaterThan(0);
    for (const entry of own) expect(entry.actor_id).toBe(meA.id);
    expect((await api(ownerA, `/audit?actor_id=${meB.id}`)).json().data).toEqual([]);
    expect((await api(ownerA, `/audit?actor_id=${randomUUID()}`)).json().data).toEqual([]);
  });

  it('shows plan defaults to platform administrators only', async () => {
    const tenant = (await api(admin, `/tenants/${a}`)).json().data;
    expect(tenant.plan_features).toEqual(expect.any(Array));
    expect(tenant.plan_limits).toMatchObject({ max_users: 200 });
    const own = (await api(ownerA, `/tenants/${a}`)).json().data;
    expect(own.plan_features).toBeUndefined();
    expect(own.plan_limits).toBeUndefined();
  });
});
