import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashAuditEntry } from '../src/modules/audit/audit-hash.js';
import { AuditSealer } from '../src/modules/audit/audit-sealer.js';
import { AUDIT_APPENDED, recordAudit } from '../src/modules/audit/record-audit.js';
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

async function verdict(token: string, headers: Record<string, string> = {}) {
  return tb.app.inject({
    url: '/api/v1/audit/verify',
    headers: { authorization: `Bearer ${token}`, ...headers },
  });
}

async function seqs(tenant: { id: string; isolation: Isolation }): Promise<Array<string | null>> {
  return asStorageOwner(tb, tenant, async (client, table) => {
    const { rows } = await client.query<{ seq: string | null }>(
      `select seq from ${table('audit_log')} where tenant_id = $1 order by seq nulls last`,
      [tenant.id],
    );
    return rows.map((row) => row.seq);
  });
}

describe.each(ISOLATIONS)('the audit chain without a writer lock in %s isolation', (isolation: Isolation) => {
  const a = `chain-${isolation}-a`;
  const b = `chain-${isolation}-b`;
  let ownerA: string;
  let ownerB: string;

  beforeAll(async () => {
    for (const id of [a, b]) await tb.createTenant({ id, isolation, tier: 'enterprise' });
    ownerA = await tb.login(`owner@${a}.test`, 'owner-password-1', a);
    ownerB = await tb.login(`owner@${b}.test`, 'owner-password-1', b);
  });

  it("lets a tenant's writer commit while another writer of the same tenant holds its transaction open", async () => {
    const tenant = await load(a);
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let written!: () => void;
    const firstWritten = new Promise<void>((resolve) => (written = resolve));
    const first = tb.services.tenancy.withTenant(tenant, async (scope) => {
      await recordAudit(scope, { action: 'test.slow', targetType: 'test', targetId: 'first' });
      written();
      await held;
    });
    await firstWritten;
    const second = tb.services.tenancy.withTenant(tenant, (scope) =>
      recordAudit(scope, { action: 'test.fast', targetType: 'test', targetId: 'second' }),
    );
    // A generous bound so that a writer blocked behind the first transaction fails instead of hanging.
    const outcome = await Promise.race([second.then(() => 'committed'), sleep(20_000).then(() => 'blocked')]);
    release();
    await Promise.all([first, second]);
    expect(outcome).toBe('committed');

    const response = await verdict(ownerA);
    expect(response.statusCode).toBe(200);
    const data = response.json().data;
    expect(data).toMatchObject({ ok: true, unsealed: 0, broken: null });
    // Ownership and roles seeded at provisioning write entries too; the two here are the last ones.
    expect(data.sealed_through).toBe(data.entries);
    expect(data.head_hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('turns N concurrent writes into N entries of one chain, with a second sealer racing', async () => {
    const tenant = await load(a);
    const before = (await verdict(ownerA)).json().data.entries as number;
    const rival = new AuditSealer(tb.services.tenancy);
    const n = 40;
    await Promise.all([
      ...Array.from({ length: n }, (_, i) =>
        tb.services.tenancy.withTenant(tenant, (scope) =>
          recordAudit(scope, { action: 'test.concurrent', targetType: 'test', targetId: String(i) }),
        ),
      ),
      ...Array.from({ length: 8 }, () => rival.seal(tenant)),
    ]);
    const data = (await verdict(ownerA)).json().data;
    expect(data).toMatchObject({ ok: true, entries: before + n, sealed_through: before + n, unsealed: 0 });
    expect(await seqs(tenant)).toEqual(Array.from({ length: before + n }, (_, i) => String(i + 1)));
    const listed = await tb.app.inject({
      url: '/api/v1/audit?action=test.concurrent&per_page=100',
      headers: { authorization: `Bearer ${ownerA}` },
    });
    const targets = listed.json().data.map((entry: { target_id: string }) => Number(entry.target_id));
    expect(targets.sort((x: number, y: number) => x - y)).toEqual(Array.from({ length: n }, (_, i) => i));
  });

  it('shows a committed entry the sealer has not reached as unsealed, and the next write seals it', async () => {
    const tenant = await load(a);
    const before = (await verdict(ownerA)).json().data;
    // As if the process died between a writer's commit and its seal: no signal, nothing seals it.
    await insertUnsealedAudit(tb, tenant);
    const pending = (await verdict(ownerA)).json().data;
    expect(pending).toMatchObject({
      ok: true,
      entries: before.entries + 1,
      sealed_through: before.sealed_through,
      head_hash: before.head_hash,
      unsealed: 1,
    });
    expect(Date.parse(pending.oldest_unsealed_at)).toBeGreaterThan(0);

    const created = await tb.app.inject({
      method: 'POST',
      url: '/api/v1/deployments',
      headers: { authorization: `Bearer ${ownerA}` },
      payload: { project_name: 'seals-the-orphan' },
    });
    expect(created.statusCode).toBe(201);
    expect((await verdict(ownerA)).json().data).toMatchObject({
      ok: true,
      entries: before.entries + 2,
      sealed_through: before.sealed_through + 2,
      unsealed: 0,
      oldest_unsealed_at: null,
    });
  });

  it('answers at commit when told not to wait, and seals once another sealer lets go of the chain', async () => {
    const tenant = await load(a);
    await insertUnsealedAudit(tb, tenant);
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    let locked!: () => void;
    const lockHeld = new Promise<void>((resolve) => (locked = resolve));
    // Another process's sealer, mid-pass: it holds the tenant's chain lock.
    const holder = asStorageOwner(tb, tenant, async (client) => {
      await client.query(`select pg_advisory_xact_lock(hashtext('tenantbase:audit'), hashtext($1))`, [a]);
      locked();
      await released;
    });
    await lockHeld;
    const sealer = new AuditSealer(tb.services.tenancy, { waitMs: 0, busyRetryMs: 120_000 });
    await sealer.listener(tenant, new Set([AUDIT_APPENDED]));
    expect((await verdict(ownerA)).json().data.unsealed).toBe(1);
    const sealed = sealer.seal(tenant);
    release();
    await holder;
    await sealed;
    expect((await verdict(ownerA)).json().data).toMatchObject({ ok: true, unsealed: 0 });
  });

  it('detects an entry inserted in the middle with a correctly computed hash', async () => {
    const tenant = await load(a);
    expect((await verdict(ownerA)).json().data.sealed_through).toBeGreaterThan(4);
    await asStorageOwner(tb, tenant, async (client, table) => {
      const t = table('audit_log');
      const { rows } = await client.query<{ hash: string }>(
        `select hash from ${t} where tenant_id = $1 and seq = 2`,
        [a],
      );
      await client.query(`update ${t} set seq = -(seq + 1) where tenant_id = $1 and seq >= 3`, [a]);
      await client.query(`update ${t} set seq = -seq where tenant_id = $1 and seq < 0`, [a]);
      const forged = {
        seq: '3',
        id: randomUUID(),
        created_at: new Date(),
        actor_type: 'system',
        actor_id: null,
        action: 'forged.insert',
        target_type: 'test',
        target_id: null,
        request_id: null,
        before: null,
        after: null,
      };
      await client.query(
        `insert into ${t} (tenant_id, id, seq, actor_type, action, target_type, created_at, prev_hash, hash)
         values ($1, $2, 3, 'system', 'forged.insert', 'test', $3, $4, $5)`,
        [a, forged.id, forged.created_at, rows[0]!.hash, hashAuditEntry(rows[0]!.hash, forged)],
      );
    });
    const response = await verdict(ownerA);
    expect(response.statusCode).toBe(200);
    const data = response.json().data;
    expect(data.ok).toBe(false);
    expect(data.broken).toMatchObject({ seq: '4' });
    expect(data.sealed_through).toBe(3);
  });

  it("answers for the caller's own tenant only, and to its administrators only", async () => {
    const write = await tb.app.inject({
      method: 'POST',
      url: '/api/v1/deployments',
      headers: { authorization: `Bearer ${ownerB}` },
      payload: { project_name: 'b-only' },
    });
    expect(write.statusCode).toBe(201);
    const own = await verdict(ownerB);
    expect(own.statusCode).toBe(200);
    expect(own.json()).toMatchObject({ success: true, tenant_id: b, data: { ok: true, unsealed: 0 } });
    const a_head = await asStorageOwner(tb, { id: a, isolation }, async (client, table) => {
      const { rows } = await client.query<{ hash: string }>(
        `select hash from ${table('audit_log')} where tenant_id = $1 and hash is not null`,
        [a],
      );
      return rows.map((row) => row.hash);
    });
    for (const hash of a_head) expect(own.body).not.toContain(hash);

    for (const headers of [{ 'x-tenant-id': a }, {}]) {
      const url = Object.keys(headers).length
        ? '/api/v1/audit/verify'
        : `/api/v1/audit/verify?tenant_id=${a}`;
      const mismatch = await tb.app.inject({
        url,
        headers: { authorization: `Bearer ${ownerB}`, ...headers },
      });
      expect(mismatch.statusCode).toBe(403);
      expect(mismatch.json().error.code).toBe('TENANT_MISMATCH');
      expect(mismatch.body).not.toContain('forged');
    }
    for (const role of ['member', 'viewer']) {
      const token = await tb.services.tokens.issue({
        kind: 'tenant_user',
        id: randomUUID(),
        tenantId: b as TenantId,
        roles: [role],
      });
      const refused = await verdict(token);
      expect(refused.statusCode).toBe(403);
      expect(refused.json().error.code).toBe('FORBIDDEN');
    }
    expect(
      (await tb.app.inject({ url: '/api/v1/audit/verify', headers: { 'x-tenant-id': b } })).statusCode,
    ).toBe(401);
    const bad = await tb.app.inject({
      url: '/api/v1/audit/verify?unknown=1',
      headers: { authorization: `Bearer ${ownerB}` },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('VALIDATION_FAILED');
  });
});
