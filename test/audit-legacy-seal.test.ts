import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditModule } from '../src/modules/audit/audit.module.js';
import { verifyAuditChain } from '../src/modules/audit/verify-audit-chain.js';
import { registeredModules } from '../src/modules/registered-modules.js';
import type { TenantId } from '../src/tenancy/tenant-id.js';
import type { Isolation } from '../src/tenancy/tenant-scope.js';
import { asStorageOwner } from './support/tenant-storage-owner.js';
import { ISOLATIONS, startTestInstance, type TestInstance } from './support/test-instance.js';

// An installation from before the hash chain: the audit module as it shipped, migration 0001 only.
const beforeChain = registeredModules.map((module) =>
  module === auditModule ? { ...module, migrations: module.migrations.slice(0, 1) } : module,
);
const tenantOf = (isolation: Isolation) => ({ id: `legacy-${isolation}`, isolation });

let tb: TestInstance;

beforeAll(async () => {
  const old = await startTestInstance({ modules: beforeChain });
  for (const isolation of ISOLATIONS) {
    const tenant = tenantOf(isolation);
    await old.createTenant({ ...tenant, tier: 'enterprise' });
    await asStorageOwner(old, tenant, async (client, table) => {
      for (const [index, action] of [
        'deployment.create',
        'deployment.update',
        'deployment.delete',
      ].entries()) {
        await client.query(
          `insert into ${table('audit_log')} (tenant_id, id, actor_type, actor_id, action, target_type, target_id, before, after, created_at)
           values ($1, $2, 'tenant_user', 'someone', $3, 'deployment', 'd1', $4::jsonb, null, $5)`,
          [
            tenant.id,
            randomUUID(),
            action,
            JSON.stringify({ step: index }),
            new Date(Date.UTC(2024, 0, 1 + index)),
          ],
        );
      }
    });
  }
  await old.close();
  tb = await startTestInstance({ env: old.env });
  for (const isolation of ISOLATIONS) {
    // Upgrading tenant storage: pending tenant migrations for this tenant (the shared pool schema migrates at start).
    await tb.services.tenancy.provision(
      (await tb.services.tenancy.registry.load(tenantOf(isolation).id as TenantId))!,
    );
  }
});
afterAll(async () => {
  await tb?.destroy();
});

async function verify(id: string) {
  const tenant = (await tb.services.tenancy.registry.load(id as TenantId))!;
  return tb.services.tenancy.withTenant(tenant, (scope) => verifyAuditChain(scope));
}

describe.each(ISOLATIONS)('a %s trail written before the hash chain', (isolation: Isolation) => {
  const tenant = tenantOf(isolation);

  it('keeps its order and is sealed by the next write', async () => {
    expect(await verify(tenant.id)).toMatchObject({ ok: true, entries: 3, unsealed: 3 });

    const token = await tb.login(`owner@${tenant.id}.test`, 'owner-password-1', tenant.id);
    const created = await tb.app.inject({
      method: 'POST',
      url: '/api/v1/deployments',
      headers: { authorization: `Bearer ${token}` },
      payload: { project_name: 'after-upgrade' },
    });
    expect(created.statusCode).toBe(201);
    expect(await verify(tenant.id)).toMatchObject({ ok: true, entries: 4, unsealed: 0, head: { seq: '4' } });

    const listed = await tb.app.inject({
      url: '/api/v1/audit',
      headers: { authorization: `Bearer ${token}` },
    });
    const entries = listed.json().data as Array<{
      seq: number;
      action: string;
      hash: string;
      before: unknown;
    }>;
    expect(entries.map((e) => [e.seq, e.action])).toEqual([
      [4, 'deployment.create'],
      [3, 'deployment.delete'],
      [2, 'deployment.update'],
      [1, 'deployment.create'],
    ]);
    expect(entries[3]!.before).toEqual({ step: 0 });
    for (const entry of entries) expect(entry.hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('then detects tampering with a sealed legacy entry, or its hash removed', async () => {
    await asStorageOwner(tb, tenant, (client, table) =>
      client.query(`update ${table('audit_log')} set actor_id = 'nobody' where tenant_id = $1 and seq = 1`, [
        tenant.id,
      ]),
    );
    expect(await verify(tenant.id)).toMatchObject({ ok: false, broken: { kind: 'edited', seq: '1' } });
    await asStorageOwner(tb, tenant, (client, table) =>
      client.query(
        `update ${table('audit_log')} set hash = null, prev_hash = null where tenant_id = $1 and seq <= 2`,
        [tenant.id],
      ),
    );
    expect(await verify(tenant.id)).toMatchObject({ ok: false, broken: { kind: 'edited', seq: '3' } });
  });
});
