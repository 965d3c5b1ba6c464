import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JobQueue } from '../../src/jobs/job-queue.js';
import { PROVISION_JOB } from '../../src/modules/tenants/provision-tenant-job.js';
import type { TenantId } from '../../src/tenancy/tenant-id.js';
import { startTestInstance, type TestInstance } from '../support/test-instance.js';

const KIND = 'test.lease';
let tb: TestInstance;
let queue: JobQueue;

beforeAll(async () => {
  tb = await startTestInstance({ startWorker: false });
  queue = tb.services.jobs;
});
afterAll(async () => {
  await tb?.destroy();
});

/** What a stalled or dead worker looks like to the others: its lease ran out. */
async function expireLease(id: string) {
  await sql`update platform.jobs set locked_until = now() - interval '1 second' where id = ${id}`.execute(
    queue.db,
  );
}

async function until<T>(probe: () => Promise<T | undefined>): Promise<T> {
  for (let i = 0; i < 600; i++) {
    const value = await probe();
    if (value !== undefined) return value;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('gave up waiting');
}

const row = (id: string) =>
  queue.db.selectFrom('platform.jobs').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

describe('a worker that lost its lease', () => {
  it('cannot overwrite the new owner: late complete, fail and heartbeat change nothing', async () => {
    const id = await queue.enqueue(KIND, { n: 1 }, { tenantId: null });
    const first = (await queue.claim('worker-a', 30, [KIND]))!;
    expect(first.id).toBe(id);
    await expireLease(id);
    const second = (await queue.claim('worker-b', 30, [KIND]))!;
    expect(second).toMatchObject({ id, attempts: 2 });

    expect(await queue.heartbeat(first, 30)).toBe(false);
    expect(await queue.complete(first, { by: 'a' })).toBe(false);
    expect(await row(id)).toMatchObject({ status: 'running', locked_by: 'worker-b', result: null });
    expect(await queue.fail(first, 'a gave up', false)).toBe(false);
    expect(await row(id)).toMatchObject({ status: 'running', locked_by: 'worker-b', last_error: null });

    expect(await queue.heartbeat(second, 30)).toBe(true);
    expect(await queue.complete(second, { by: 'b' })).toBe(true);
    expect(await queue.fail(first, 'a gave up late', false)).toBe(false);
    expect(await row(id)).toMatchObject({ status: 'done', result: { by: 'b' }, last_error: null });
  });

  it('is fenced per claim, not per worker: the same process re-claiming holds a new lease', async () => {
    const id = await queue.enqueue(KIND, { n: 2 }, { tenantId: null });
    const stale = (await queue.claim('worker-same', 30, [KIND]))!;
    await expireLease(id);
    const fresh = (await queue.claim('worker-same', 30, [KIND]))!;
    expect(fresh.id).toBe(id);
    expect(await queue.fail(stale, 'stale', false)).toBe(false);
    expect(await queue.complete(fresh, { fresh: true })).toBe(true);
    expect(await row(id)).toMatchObject({ status: 'done', result: { fresh: true } });
  });
});

describe('a job whose process keeps dying', () => {
  it('ends failed, visibly, once it was reclaimed max_attempts times', async () => {
    const id = await queue.enqueue(KIND, { n: 3 }, { tenantId: null, maxAttempts: 2 });
    for (const attempt of [1, 2]) {
      const job = await queue.claim(`worker-crash-${attempt}`, 30, [KIND]);
      expect(job).toMatchObject({ id, attempts: attempt });
      await expireLease(id); // the process died holding it
    }
    expect(await queue.claim('worker-crash-3', 30, [KIND])).toBeUndefined();
    const [givenUp, ...more] = await queue.failExhaustedLeases([KIND]);
    expect(more).toEqual([]);
    expect(givenUp).toMatchObject({ id, kind: KIND, attempts: 2 });
    const failed = await row(id);
    expect(failed).toMatchObject({ status: 'failed', attempts: 2, locked_by: null, lease_token: null });
    expect(failed.last_error).toContain('lease expired on attempt 2 of 2');
  });
});

describe('a job released at shutdown', () => {
  it('is ready again at once, without counting the attempt, and the old claim is fenced out', async () => {
    const id = await queue.enqueue(KIND, { n: 4 }, { tenantId: null });
    const job = (await queue.claim('worker-stopping', 30, [KIND]))!;
    expect(await queue.release(job)).toBe(true);
    expect(await row(id)).toMatchObject({ status: 'queued', attempts: 0, locked_by: null });
    const next = (await queue.claim('worker-next', 30, [KIND]))!;
    expect(next).toMatchObject({ id, attempts: 1 });
    expect(await queue.complete(job, { late: true })).toBe(false);
    expect(await queue.complete(next, { resumed: true })).toBe(true);
    expect(await row(id)).toMatchObject({ status: 'done', result: { resumed: true } });
  });
});

describe('a provisioning job whose process died on every attempt', () => {
  it('leaves its tenant failed with the reason, and retry then provisions it', async () => {
    const created = await tb.app.inject({
      method: 'POST',
      url: '/api/v1/tenants',
      headers: { authorization: `Bearer ${await tb.adminToken()}` },
      payload: {
        id: 'crash-loop',
        name: 'Crash loop',
        isolation: 'schema',
        admin_email: 'o@crash-loop.test',
      },
    });
    expect(created.statusCode, created.body).toBe(202);
    for (;;) {
      const job = await queue.claim('worker-that-dies', 30, [PROVISION_JOB]);
      if (!job) break;
      expect(job.tenantId).toBe('crash-loop');
      await expireLease(job.id);
    }
    await tb.services.worker.start(); // its first poll gives up on the job
    try {
      const failed = await until(async () => {
        const tenant = await tb.services.tenancy.registry.load('crash-loop' as TenantId);
        return tenant?.status === 'failed' ? tenant : undefined;
      });
      expect(failed.provisioning_error).toContain('lease expired on attempt 5 of 5');
      const retried = await tb.app.inject({
        method: 'POST',
        url: '/api/v1/tenants/crash-loop/retry',
        headers: { authorization: `Bearer ${await tb.adminToken()}` },
      });
      expect(retried.statusCode, retried.body).toBeLessThan(300);
      expect(await tb.waitForTenant('crash-loop')).toMatchObject({ status: 'active' });
    } finally {
      await tb.services.worker.stop();
    }
  });
});
