import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuditSealer } from '../src/modules/audit/audit-sealer.js';
import { AUDIT_APPENDED } from '../src/modules/audit/record-audit.js';
import { verifyAuditChain } from '../src/modules/audit/verify-audit-chain.js';
import type { TenantId } from '../src/tenancy/tenant-id.js';
import type { Isolation } from '../src/tenancy/tenant-scope.js';
import { asStorageOwner } from './support/tenant-storage-owner.js';
import { insertUnsealedAudit } from './support/unsealed-audit.js';
import { ISOLATIONS, startTestInstance, type TestInstance } from './support/test-instance.js';

let tb: TestInstance;
beforeAll(async () => {
  tb = await startTestInstance();
});
afterAll(async () => {
  await tb?.destroy();
});

const load = async (id: string) => (await tb.services.tenancy.registry.load(id as TenantId))!;
const verify = async (id: string) =>
  tb.services.tenancy.withTenant(await load(id), (scope) => verifyAuditChain(scope));

async function seqs(tenant: { id: string; isolation: Isolation }): Promise<Array<string | null>> {
  return asStorageOwner(tb, tenant, async (client, table) => {
    const { rows } = await client.query<{ seq: string | null }>(
      `select seq from ${table('audit_log')} where tenant_id = $1 order by seq nulls last`,
      [tenant.id],
    );
    return rows.map((row) => row.seq);
  });
}

/** A sealer of this test's own, counting its passes that sealed something. */
function countingSealer() {
  const passes: number[] = [];
  const sealer = new AuditSealer(tb.services.tenancy, {
    waitMs: 0,
    onSealed: (_tenantId, entries) => passes.push(entries),
    onError: (_tenantId, error) => {
      throw error;
    },
  });
  return { sealer, passes };
}

describe.each(ISOLATIONS)('the sealer remembers where it left the chain, in %s isolation', (isolation) => {
  const id = `seal-head-${isolation}`;
  beforeAll(async () => {
    await tb.createTenant({ id, isolation, tier: 'enterprise' });
  });

  it('seals many commits in few passes, into one chain that verifies', async () => {
    const tenant = await load(id);
    const { sealer, passes } = countingSealer();
    for (let i = 0; i < 60; i++) await insertUnsealedAudit(tb, tenant);
    // Sixty commit signals at once: one pass runs, every later one shares the next.
    await Promise.all(Array.from({ length: 60 }, () => sealer.seal(tenant)));
    expect(passes.length).toBeLessThanOrEqual(2);
    expect(passes.reduce((sum, n) => sum + n, 0)).toBeGreaterThanOrEqual(60);
    expect(await verify(id)).toMatchObject({ ok: true, pending: 0, broken: null });
  });

  it('links after the stored head when another sealer moved the chain on since its last pass', async () => {
    const tenant = await load(id);
    const { sealer } = countingSealer();
    await insertUnsealedAudit(tb, tenant);
    await sealer.seal(tenant); // remembers the head it left
    // Another process's sealer seals two more entries: the remembered head is still in the
    // chain, but no longer its end. The unique seq index refuses the second link at its
    // position, and the pass is retried from the stored head.
    const { sealer: rival } = countingSealer();
    await insertUnsealedAudit(tb, tenant);
    await insertUnsealedAudit(tb, tenant);
    await rival.seal(tenant);
    await insertUnsealedAudit(tb, tenant);
    await sealer.listener(tenant, new Set([AUDIT_APPENDED]));
    await sealer.seal(tenant);
    const report = await verify(id);
    expect(report).toMatchObject({ ok: true, pending: 0, broken: null });
    expect(await seqs(tenant)).toEqual(Array.from({ length: report.entries }, (_, i) => String(i + 1)));
  });

  it('starts from the stored head when the trail it remembered was replaced', async () => {
    const tenant = await load(id);
    const { sealer } = countingSealer();
    await insertUnsealedAudit(tb, tenant);
    await sealer.seal(tenant);
    // As an import of another trail would: the entry the sealer remembers is gone.
    await asStorageOwner(tb, tenant, (client, table) =>
      client.query(`delete from ${table('audit_log')} where tenant_id = $1`, [id]),
    );
    for (let i = 0; i < 3; i++) await insertUnsealedAudit(tb, tenant);
    await sealer.seal(tenant);
    expect(await verify(id)).toMatchObject({ ok: true, entries: 3, pending: 0, broken: null });
    expect(await seqs(tenant)).toEqual(['1', '2', '3']);
  });
});
