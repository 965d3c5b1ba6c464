import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../src/modules/audit/verify-audit-chain.js';
import type { TenantId } from '../src/tenancy/tenant-id.js';
import type { Isolation } from '../src/tenancy/tenant-scope.js';
import { ISOLATIONS, startTestInstance, type TestInstance } from './support/test-instance.js';

let tb: TestInstance;
let admin: string;
let adminId: string;
beforeAll(async () => {
  tb = await startTestInstance();
  admin = await tb.adminToken();
  adminId = JSON.parse(Buffer.from(admin.split('.')[1]!, 'base64url').toString('utf8')).sub;
});
afterAll(async () => {
  await tb?.destroy();
});

/** The hook records after the response is sent, so the entries may land a moment later. */
async function eventually<T>(read: () => Promise<T>, done: (value: T) => boolean): Promise<T> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const value = await read();
    if (done(value) || Date.now() > deadline) return value;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

function platformActs(tenantId: string) {
  return tb.services.tenancy.platformDb
    .selectFrom('platform.platform_audit')
    .selectAll()
    .where('action', '=', 'admin.act_in_tenant')
    .where('tenant_id', '=', tenantId)
    .orderBy('id')
    .execute();
}

describe.each(ISOLATIONS)('a platform administrator acting in a %s tenant', (isolation: Isolation) => {
  const id = `acts-${isolation}`;
  let owner: string;

  beforeAll(async () => {
    await tb.createTenant({ id, isolation, tier: 'enterprise' });
    owner = await tb.login(`owner@${id}.test`, 'owner-password-1', id);
  });

  it('is recorded in the platform audit and, for writes, in the tenant trail', async () => {
    const headers = { authorization: `Bearer ${admin}`, 'x-tenant-id': id };
    const created = await tb.app.inject({
      method: 'POST',
      url: '/api/v1/deployments',
      headers,
      payload: { project_name: 'by-the-operator' },
    });
    expect(created.statusCode).toBe(201);
    // Acts are recorded after each response; the write's is awaited first so the two keep their order.
    await eventually(
      () => platformActs(id),
      (rows) => rows.length >= 1,
    );
    const read = await tb.app.inject({ url: '/api/v1/deployments', headers });
    expect(read.statusCode).toBe(200);

    const acts = await eventually(
      () => platformActs(id),
      (rows) => rows.length >= 2,
    );
    expect(acts.map((row) => row.details)).toEqual([
      { method: 'POST', route: '/api/v1/deployments', status: 201 },
      { method: 'GET', route: '/api/v1/deployments', status: 200 },
    ]);
    for (const row of acts) {
      expect(row).toMatchObject({
        actor_type: 'platform_admin',
        actor_id: adminId,
        target_type: 'tenant',
        target_id: id,
      });
    }
    expect(acts[0]!.request_id).toBe(created.headers['x-request-id']);

    const trail = await eventually(
      async () =>
        (await tb.app.inject({ url: '/api/v1/audit', headers: { authorization: `Bearer ${owner}` } })).json()
          .data as Array<Record<string, unknown>>,
      (entries) => entries.some((entry) => entry.action === 'admin.act_in_tenant'),
    );
    // Reads leave no entry in the tenant's trail; the write leaves its own and the act.
    expect(trail.map((entry) => entry.action)).toEqual(['admin.act_in_tenant', 'deployment.create']);
    for (const entry of trail)
      expect(entry).toMatchObject({ actor_type: 'platform_admin', actor_id: adminId });
    expect(trail[0]).toMatchObject({
      target_type: 'tenant',
      target_id: id,
      request_id: created.headers['x-request-id'],
      after: { method: 'POST', route: '/api/v1/deployments', status: 201 },
    });

    const tenant = (await tb.services.tenancy.registry.load(id as TenantId))!;
    const report = await tb.services.tenancy.withTenant(tenant, (scope) => verifyAuditChain(scope));
    expect(report).toMatchObject({ ok: true, entries: 2 });
  });

  it("records a refused write too, and nothing for the tenant's own users", async () => {
    const before = (await platformActs(id)).length;
    const refused = await tb.app.inject({
      method: 'PATCH',
      url: '/api/v1/deployments/00000000-0000-0000-0000-000000000000',
      headers: { authorization: `Bearer ${admin}`, 'x-tenant-id': id },
      payload: { status: 'stopped' },
    });
    expect(refused.statusCode).toBe(404);
    const acts = await eventually(
      () => platformActs(id),
      (rows) => rows.length > before,
    );
    expect(acts.at(-1)!.details).toMatchObject({ method: 'PATCH', status: 404 });

    const own = await tb.app.inject({
      method: 'POST',
      url: '/api/v1/deployments',
      headers: { authorization: `Bearer ${owner}` },
      payload: { project_name: 'by-the-owner' },
    });
    expect(own.statusCode).toBe(201);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(await platformActs(id)).toHaveLength(acts.length);
  });
});
