import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { holdAuditLock, storageClient } from '../support/backend-faults.js';
import { api } from '../support/identity-api.js';
import { mailsTo } from '../support/outbox.js';
import { startTestInstance, type TestInstance } from '../support/test-instance.js';

const TENANT = { id: 'one-conn', isolation: 'pool' as const };
const USERS = ['ana', 'ben', 'cai', 'dee', 'eve'].map((name) => `${name}@one-conn.test`);

let tb: TestInstance;
let url: string;
let token: string;

beforeAll(async () => {
  tb = await startTestInstance({ extraEnv: { DATABASE_POOL_MAX: '1' } });
  await tb.createTenant(TENANT);
  token = await tb.login(`owner@${TENANT.id}.test`, 'owner-password-1', TENANT.id);
  for (const email of USERS) {
    const created = await api(tb, token, 'POST', '/users', {
      payload: { email, role: 'member', password: 'member-password-1' },
    });
    expect(created.statusCode).toBe(201);
  }
  url = await tb.app.listen({ port: 0, host: '127.0.0.1' });
}, 120_000);

afterAll(async () => {
  await tb?.destroy();
});

/** Waits until the platform pool has every connection back and nobody waiting (jobs may still be finishing). */
async function poolSettled(): Promise<void> {
  const pool = tb.services.tenancy.appPool;
  const deadline = Date.now() + 30_000;
  while (!(pool.totalCount === 1 && pool.idleCount === 1 && pool.waitingCount === 0)) {
    if (Date.now() > deadline) {
      throw new Error(`pool: total ${pool.totalCount}, idle ${pool.idleCount}, waiting ${pool.waitingCount}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('a platform pool of one connection (DATABASE_POOL_MAX=1)', () => {
  it('survives failing, aborted and anonymous requests without leaking, freezing or losing mail', async () => {
    // Requests that throw inside their transaction: a duplicate user is a CONFLICT after the seat lock.
    const conflicts = await Promise.all(
      Array.from({ length: 10 }, () =>
        api(tb, token, 'POST', '/users', {
          payload: { email: USERS[0], role: 'member', password: 'member-password-1' },
        }),
      ),
    );
    expect(conflicts.map((r) => r.statusCode)).toEqual(Array(10).fill(409));

    // Requests whose client goes away while they wait, inside a transaction or for the connection.
    const holder = await storageClient(tb, TENANT);
    try {
      const unlock = await holdAuditLock(holder, TENANT);
      const aborts = Array.from({ length: 5 }, () => new AbortController());
      const aborted = aborts.map((controller, i) =>
        fetch(`${url}/api/v1/deployments`, {
          method: 'POST',
          headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
          body: JSON.stringify({ project_name: `aborted-${i}` }),
          signal: controller.signal,
        }).catch((error: unknown) => error),
      );
      await new Promise((resolve) => setTimeout(resolve, 200));
      for (const controller of aborts) controller.abort();
      await Promise.all(aborted);
      await unlock();
    } finally {
      await holder.end();
    }

    // Twenty anonymous resets of existing accounts at once (four per account, within the limits).
    const resets = await Promise.all(
      USERS.flatMap((email) =>
        Array.from({ length: 4 }, () =>
          fetch(`${url}/api/v1/auth/forgot-password`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', 'x-tenant-id': TENANT.id },
            body: JSON.stringify({ email }),
          }),
        ),
      ),
    );
    expect(resets.map((r) => r.status)).toEqual(Array(20).fill(202));

    // No freeze: a request afterwards answers.
    expect((await api(tb, token, 'GET', '/deployments')).statusCode).toBe(200);
    expect((await fetch(`${url}/health`)).status).toBe(200);

    // Nothing lost: every reset mail arrives once the jobs have run.
    const deadline = Date.now() + 60_000;
    for (const email of USERS) {
      for (;;) {
        const resetMails = (await mailsTo(tb, email)).filter((mail) => mail.kind === 'password_reset');
        if (resetMails.length >= 4) {
          expect(resetMails).toHaveLength(4);
          break;
        }
        if (Date.now() > deadline) throw new Error(`${email} got ${resetMails.length} of 4 reset mails`);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    }

    // No leak: the one connection is back in the pool.
    await poolSettled();
  }, 180_000);
});
