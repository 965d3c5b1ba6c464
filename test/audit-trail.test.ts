import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../src/modules/audit/verify-audit-chain.js';
import type { TenantId } from '../src/tenancy/tenant-id.js';
import type { Isolation } from '../src/tenancy/tenant-scope.js';
import { asStorageOwner } from './support/tenant-storage-owner.js';
import { ISOLATIONS, startTestInstance, type TestInstance } from './support/test-instance.js';

let tb: TestInstance;
beforeAll(async () => {
  tb = await startTestInstance();
});
afterAll(async () => {
  await tb?.destroy();
});

const subjectOf = (token: string) =>
  JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString('utf8')).sub as string;

async function api(
  token: string,
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE',
  url: string,
  payload?: object,
) {
  return tb.app.inject({
    method,
    url,
    headers: { authorization: `Bearer ${token}` },
    ...(payload ? { payload } : {}),
  });
}

async function verify(id: string) {
  const tenant = (await tb.services.tenancy.registry.load(id as TenantId))!;
  return tb.services.tenancy.withTenant(tenant, (scope) => verifyAuditChain(scope, { batchSize: 2 }));
}

describe.each(ISOLATIONS)('the audit trail in %s isolation', (isolation: Isolation) => {
  const a = `audit-${isolation}-a`;
  const b = `audit-${isolation}-b`;
  let ownerA: string;
  let ownerB: string;
  const deployments: string[] = [];

  beforeAll(async () => {
    for (const id of [a, b]) await tb.createTenant({ id, isolation, tier: 'enterprise' });
    ownerA = await tb.login(`owner@${a}.test`, 'owner-password-1', a);
    ownerB = await tb.login(`owner@${b}.test`, 'owner-password-1', b);
    for (const name of ['one', 'two', 'three']) {
      const created = await api(ownerA, 'POST', '/api/v1/deployments', { project_name: name });
      expect(created.statusCode).toBe(201);
      deployments.push(created.json().data.id);
    }
    expect(
      (await api(ownerA, 'PATCH', `/api/v1/deployments/${deployments[0]}`, { status: 'active' })).statusCode,
    ).toBe(200);
    expect((await api(ownerA, 'DELETE', `/api/v1/deployments/${deployments[1]}`)).statusCode).toBe(204);
    expect((await api(ownerB, 'POST', '/api/v1/deployments', { project_name: 'b-only' })).statusCode).toBe(
      201,
    );
  });

  it('records who changed what, with before and after, newest first', async () => {
    const response = await api(ownerA, 'GET', '/api/v1/audit');
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.tenant_id).toBe(a);
    const entries = body.data as Array<Record<string, unknown>>;
    expect(entries.map((e) => e.action)).toEqual([
      'deployment.delete',
      'deployment.update',
      'deployment.create',
      'deployment.create',
      'deployment.create',
    ]);
    expect(entries.map((e) => e.seq)).toEqual([5, 4, 3, 2, 1]);
    const [deleted, updated, , , created] = entries;
    expect(created).toMatchObject({
      actor_type: 'tenant_user',
      actor_id: subjectOf(ownerA),
      actor_email: `owner@${a}.test`,
      target_type: 'deployment',
      target_id: deployments[0],
      before: null,
      after: { id: deployments[0], project_name: 'one', status: 'pending' },
    });
    expect(created!.request_id).toEqual(expect.any(String));
    expect(updated).toMatchObject({ before: { status: 'pending' }, after: { status: 'active' } });
    expect(deleted).toMatchObject({
      target_id: deployments[1],
      before: { project_name: 'two' },
      after: null,
    });
    for (const entry of entries) expect(entry.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(Object.keys(created!).sort()).toEqual(
      [
        'id',
        'seq',
        'actor_type',
        'actor_id',
        'actor_email',
        'actor_name',
        'action',
        'target_type',
        'target_id',
        'request_id',
        'before',
        'after',
        'created_at',
        'hash',
      ].sort(),
    );
  });

  it('filters by action, actor, target and time', async () => {
    const list = async (query: string) =>
      (await api(ownerA, 'GET', `/api/v1/audit?${query}`)).json().data as Array<{
        action: string;
        target_id: string;
        created_at: string;
      }>;
    expect((await list('action=deployment.update')).map((e) => e.target_id)).toEqual([deployments[0]]);
    expect((await list(`target_id=${deployments[0]}`)).map((e) => e.action)).toEqual([
      'deployment.update',
      'deployment.create',
    ]);
    expect(await list('target_type=deployment')).toHaveLength(5);
    expect(await list('target_type=workflow')).toHaveLength(0);
    expect(await list(`actor_id=${subjectOf(ownerA)}`)).toHaveLength(5);
    expect(await list(`actor_id=${randomUUID()}`)).toHaveLength(0);
    const all = await list('');
    const middle = all[2]!.created_at;
    expect(
      (await list(`created_to=${encodeURIComponent(middle)}`)).every((e) => e.created_at <= middle),
    ).toBe(true);
    expect(
      (await list(`created_from=${encodeURIComponent(middle)}`)).every((e) => e.created_at >= middle),
    ).toBe(true);
    expect(await list('created_from=2000-01-01T00:00:00Z&created_to=2000-01-02T00:00:00Z')).toHaveLength(0);
    const bad = await api(ownerA, 'GET', '/api/v1/audit?created_from=yesterday');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('VALIDATION_FAILED');
  });

  it('pages by page number and by cursor without skipping or repeating', async () => {
    const paged = (await api(ownerA, 'GET', '/api/v1/audit?per_page=2&page=3')).json();
    expect(paged.data).toHaveLength(1);
    expect(paged.pagination).toEqual({
      page: 3,
      per_page: 2,
      total: 5,
      total_pages: 3,
      has_next: false,
      has_prev: true,
    });
    const seen: number[] = [];
    let cursor: string | null = null;
    do {
      const query: string = cursor ? `limit=2&cursor=${cursor}` : 'limit=2';
      const page = (await api(ownerA, 'GET', `/api/v1/audit?${query}`)).json();
      seen.push(...page.data.map((e: { seq: number }) => e.seq));
      cursor = page.pagination.cursor;
    } while (cursor);
    expect(seen).toEqual([5, 4, 3, 2, 1]);
    expect((await api(ownerA, 'GET', '/api/v1/audit?per_page=101')).statusCode).toBe(400);
  });

  it('is for tenant administrators only', async () => {
    for (const role of ['member', 'viewer']) {
      const token = await tb.services.tokens.issue({
        kind: 'tenant_user',
        id: randomUUID(),
        tenantId: a as TenantId,
        roles: [role],
      });
      const response = await api(token, 'GET', '/api/v1/audit');
      expect(response.statusCode).toBe(403);
      expect(response.json().error.code).toBe('FORBIDDEN');
    }
  });

  it("never shows another tenant's entries", async () => {
    const response = await api(ownerB, 'GET', '/api/v1/audit?per_page=100');
    expect(response.statusCode).toBe(200);
    const entries = response.json().data as Array<{ target_id: string; after: { tenant_id: string } }>;
    expect(entries).toHaveLength(1);
    expect(entries[0]!.after.tenant_id).toBe(b);
    expect(response.body).not.toContain(a);
    for (const id of deployments) expect(response.body).not.toContain(id);

    for (const hint of [`?tenant_id=${a}`, '']) {
      const mismatch = await tb.app.inject({
        url: `/api/v1/audit${hint}`,
        headers: { authorization: `Bearer ${ownerB}`, ...(hint ? {} : { 'x-tenant-id': a }) },
      });
      expect(mismatch.statusCode).toBe(403);
      expect(mismatch.json().error.code).toBe('TENANT_MISMATCH');
      expect(mismatch.body).not.toContain(deployments[0]);
    }
  });

  it('verifies its chain, and finds an edited, a moved and a deleted entry', async () => {
    const tenant = { id: a, isolation };
    const intact = await verify(a);
    expect(intact).toMatchObject({ ok: true, entries: 5, unsealed: 0, broken: null, head: { seq: '5' } });

    const original = await asStorageOwner(tb, tenant, async (client, table) => {
      const { rows } = await client.query<{ after: string }>(
        `select after::text as after from ${table('audit_log')} where tenant_id = $1 and seq = 3`,
        [a],
      );
      await client.query(
        `update ${table('audit_log')} set after = jsonb_set(after, '{project_name}', '"forged"') where tenant_id = $1 and seq = 3`,
        [a],
      );
      return rows[0]!.after;
    });
    expect(await verify(a)).toMatchObject({ ok: false, broken: { kind: 'edited', seq: '3' } });
    await asStorageOwner(tb, tenant, (client, table) =>
      client.query(`update ${table('audit_log')} set after = $2::jsonb where tenant_id = $1 and seq = 3`, [
        a,
        original,
      ]),
    );
    expect(await verify(a)).toMatchObject({ ok: true });

    const swap = (x: number, y: number) =>
      asStorageOwner(tb, tenant, async (client, table) => {
        const t = table('audit_log');
        await client.query(`update ${t} set seq = -1 where tenant_id = $1 and seq = $2`, [a, x]);
        await client.query(`update ${t} set seq = $3 where tenant_id = $1 and seq = $2`, [a, y, x]);
        await client.query(`update ${t} set seq = $2 where tenant_id = $1 and seq = -1`, [a, y]);
      });
    await swap(2, 4);
    expect(await verify(a)).toMatchObject({ ok: false, broken: { kind: 'reordered', seq: '2' } });
    await swap(2, 4);
    expect(await verify(a)).toMatchObject({ ok: true });

    await asStorageOwner(tb, tenant, (client, table) =>
      client.query(`delete from ${table('audit_log')} where tenant_id = $1 and seq = 2`, [a]),
    );
    const report = await verify(a);
    expect(report).toMatchObject({ ok: false, broken: { kind: 'deleted', seq: '2', id: null } });
    expect(report.broken!.message).toContain('#2');
  });

  it('stays one unbroken chain under concurrent writers', async () => {
    const writes = Array.from({ length: 16 }, (_, i) =>
      api(ownerB, 'POST', '/api/v1/deployments', { project_name: `parallel-${i}` }),
    );
    for (const response of await Promise.all(writes)) expect(response.statusCode).toBe(201);
    expect(await verify(b)).toMatchObject({ ok: true, entries: 17, head: { seq: '17' } });
  });
});
