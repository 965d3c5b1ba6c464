import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditModule } from '../src/modules/audit/audit.module.js';
import { recordAudit } from '../src/modules/audit/record-audit.js';
import { verifyAuditChain } from '../src/modules/audit/verify-audit-chain.js';
import { registeredModules } from '../src/modules/registered-modules.js';
import type { TenantId } from '../src/tenancy/tenant-id.js';
import type { Isolation } from '../src/tenancy/tenant-scope.js';
import { asStorageOwner } from './support/tenant-storage-owner.js';
import { insertUnsealedAudit } from './support/unsealed-audit.js';
import { ISOLATIONS, startTestInstance, type TestInstance } from './support/test-instance.js';

// An installation sealed before migration 0004: its unsealed tail still had entries in the unique seq index.
const beforeSealedIndex = registeredModules.map((module) =>
  module === auditModule ? { ...module, migrations: module.migrations.slice(0, 3) } : module,
);
const tenantOf = (isolation: Isolation) => ({ id: `sealed-idx-${isolation}`, isolation });

let tb: TestInstance;

async function load(isolation: Isolation) {
  return (await tb.services.tenancy.registry.load(tenantOf(isolation).id as TenantId))!;
}

async function verify(isolation: Isolation) {
  return tb.services.tenancy.withTenant(await load(isolation), (scope) => verifyAuditChain(scope));
}

beforeAll(async () => {
  const old = await startTestInstance({ modules: beforeSealedIndex });
  for (const isolation of ISOLATIONS) {
    const tenant = tenantOf(isolation);
    await old.createTenant({ ...tenant, tier: 'enterprise' });
    const record = (await old.services.tenancy.registry.load(tenant.id as TenantId))!;
    // Sealed entries, then one left in the unsealed tail (its writer died before sealing it).
    for (let i = 0; i < 3; i++)
      await old.services.tenancy.withTenant(record, (scope) =>
        recordAudit(scope, { action: 'test.before-upgrade', targetType: 'test', targetId: String(i) }),
      );
    await insertUnsealedAudit(old, record);
  }
  await old.close();
  tb = await startTestInstance({ env: old.env });
  for (const isolation of ISOLATIONS) await tb.services.tenancy.provision(await load(isolation));
});
afterAll(async () => {
  await tb?.destroy();
});

describe.each(ISOLATIONS)('an audit trail sealed before migration 0004 in %s isolation', (isolation) => {
  it('still verifies after the upgrade, its old tail is sealed by the next write, and a fork is still refused', async () => {
    const before = await verify(isolation);
    expect(before).toMatchObject({ ok: true, pending: 1, broken: null });
    expect(before.entries).toBeGreaterThanOrEqual(3);

    await tb.services.tenancy.withTenant(await load(isolation), (scope) =>
      recordAudit(scope, { action: 'test.after-upgrade', targetType: 'test', targetId: null }),
    );
    const after = await verify(isolation);
    expect(after).toMatchObject({ ok: true, pending: 0, entries: before.entries + 2, broken: null });

    // The unique index still refuses a second entry at a sealed position.
    const tenant = await load(isolation);
    const refused = await asStorageOwner(tb, tenant, async (client, table) =>
      client
        .query(`update ${table('audit_log')} set seq = 1 where tenant_id = $1 and seq = 2`, [tenant.id])
        .then(
          () => null,
          (error: { code?: string }) => error.code,
        ),
    );
    expect(refused).toBe('23505');
  });
});
