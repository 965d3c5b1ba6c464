import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AUDIT_SWEEP_JOB, auditSweepJob } from '../src/modules/audit/audit-sweep-job.js';
import { sweepUnsealedAudit } from '../src/modules/audit/sweep-unsealed-audit.js';
import type { TenantId } from '../src/tenancy/tenant-id.js';
import type { Isolation } from '../src/tenancy/tenant-scope.js';
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

async function verdict(token: string) {
  const response = await tb.app.inject({
    url: '/api/v1/audit/verify',
    headers: { authorization: `Bearer ${token}` },
  });
  expect(response.statusCode).toBe(200);
  return response.json().data as { ok: boolean; entries: number; unsealed: number; sealed_through: number };
}

describe.each(ISOLATIONS)('the audit sweep in %s isolation', (isolation: Isolation) => {
  const id = `sweep-${isolation}`;
  let owner: string;

  beforeAll(async () => {
    await tb.createTenant({ id, isolation, tier: 'enterprise' });
    owner = await tb.login(`owner@${id}.test`, 'owner-password-1', id);
  });

  it('seals an entry a dead process left unsealed, and verify then counts it sealed', async () => {
    const tenant = await load(id);
    await insertUnsealedAudit(tb, tenant, new Date(Date.now() - 60_000));
    const before = await verdict(owner);
    expect(before.unsealed).toBe(1);

    const outcome = await sweepUnsealedAudit(tb.services.tenancy, { olderThanMs: 5000, concurrency: 2 });
    expect(outcome.tenants).toContain(id);

    const after = await verdict(owner);
    expect(after).toMatchObject({ ok: true, unsealed: 0, entries: before.entries });
    expect(after.sealed_through).toBe(before.sealed_through + 1);
  });

  it('leaves an entry younger than the bound to its own sealer', async () => {
    const tenant = await load(id);
    await insertUnsealedAudit(tb, tenant);
    const outcome = await sweepUnsealedAudit(tb.services.tenancy, { olderThanMs: 60_000, concurrency: 2 });
    expect(outcome.tenants).not.toContain(id);
    expect((await verdict(owner)).unsealed).toBe(1);
    // A schema or database tenant is looked into again by the next sweep even if nothing is inserted meanwhile.
    if (isolation !== 'pool') expect(outcome.recheck).toContain(id);

    const later = await sweepUnsealedAudit(tb.services.tenancy, {
      olderThanMs: 0,
      concurrency: 2,
      inserted: outcome.inserted,
      recheck: outcome.recheck,
    });
    expect(later.tenants).toContain(id);
    expect(await verdict(owner)).toMatchObject({ ok: true, unsealed: 0 });
  });
});

describe('the periodic audit sweep job', () => {
  it('seals orphans and queues its successor with the counts that let it skip idle databases', async () => {
    const id = 'sweep-job-database';
    await tb.createTenant({ id, isolation: 'database', tier: 'enterprise' });
    const owner = await tb.login(`owner@${id}.test`, 'owner-password-1', id);
    await insertUnsealedAudit(tb, await load(id), new Date(Date.now() - 60_000));

    const { tenancy, jobs } = tb.services;
    // The sweep the start queued, run here as the worker would run it.
    const started = await tenancy.platformDb
      .selectFrom('platform.jobs')
      .select('id')
      .where('kind', '=', AUDIT_SWEEP_JOB)
      .executeTakeFirstOrThrow();
    const run = auditSweepJob(tenancy, jobs, 3_600_000);
    const result = await run({
      id: String(started.id),
      kind: AUDIT_SWEEP_JOB,
      tenantId: null,
      payload: {},
      attempts: 1,
      maxAttempts: 3,
      leaseToken: randomUUID(),
    });
    expect(result).toMatchObject({ tenants: expect.arrayContaining([id]) });
    expect(await verdict(owner)).toMatchObject({ ok: true, unsealed: 0 });

    const queued = await tenancy.platformDb
      .selectFrom('platform.jobs')
      .select(['payload', 'run_at'])
      .where('kind', '=', AUDIT_SWEEP_JOB)
      .where('status', '=', 'queued')
      .where('id', '<>', started.id)
      .execute();
    expect(queued).toHaveLength(1);
    const payload = queued[0]!.payload as { inserted: Record<string, number> };
    expect(typeof payload.inserted[id]).toBe('number');
  });
});
