import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PASSWORD_RESET_JOB } from '../../src/modules/users/password-reset-job.js';
import type { TenantRecord } from '../../src/tenancy/registry/tenant-record.js';
import type { TenantId } from '../../src/tenancy/tenant-id.js';
import { api } from '../support/identity-api.js';
import { waitForMail } from '../support/outbox.js';
import { asStorageOwner } from '../support/tenant-storage-owner.js';
import { startTestInstance, type TestInstance } from '../support/test-instance.js';

const TENANT = { id: 'mail-late', isolation: 'pool' as const };
const OWNER = `owner@${TENANT.id}.test`;

let tb: TestInstance;
let tenant: TenantRecord;

beforeAll(async () => {
  // One platform connection: a task that needed a second one while the scope held the first would hang.
  tb = await startTestInstance({ startWorker: false, extraEnv: { DATABASE_POOL_MAX: '1' } });
  await tb.services.worker.start();
  await tb.createTenant(TENANT);
  tenant = (await tb.services.tenancy.registry.load(TENANT.id as TenantId))!;
  await tb.services.worker.stop();
}, 120_000);

afterAll(async () => {
  await tb?.destroy();
});

const queuedResets = async () =>
  Number(
    (
      await tb.services.jobs.db
        .selectFrom('platform.jobs')
        .select(sql<string>`count(*)`.as('n'))
        .where('kind', '=', PASSWORD_RESET_JOB)
        .executeTakeFirstOrThrow()
    ).n,
  );

const resetTokens = () =>
  asStorageOwner(tb, TENANT, async (client, table) =>
    Number(
      (
        await client.query(
          `select count(*) as n from ${table('user_tokens')} where purpose = 'password_reset'`,
        )
      ).rows[0].n,
    ),
  );

describe('forgot-password', () => {
  it('does the same work for an existing and an unknown email: it queues one lookup job', async () => {
    const forgot = (email: string) =>
      api(tb, null, 'POST', '/auth/forgot-password', {
        payload: { email },
        headers: { 'x-tenant-id': TENANT.id },
      });
    const jobsBefore = await queuedResets();
    expect((await forgot(OWNER)).statusCode).toBe(202);
    expect(await queuedResets()).toBe(jobsBefore + 1);
    expect((await forgot(`nobody@${TENANT.id}.test`)).statusCode).toBe(202);
    expect(await queuedResets()).toBe(jobsBefore + 2);
    // Nothing of the account was touched while answering: no token yet, for either.
    expect(await resetTokens()).toBe(0);

    await tb.services.worker.start();
    try {
      const mail = await waitForMail(tb, OWNER, 'password_reset');
      expect(mail.tenant_id).toBe(TENANT.id);
      expect(await resetTokens()).toBe(1);
    } finally {
      await tb.services.worker.stop();
    }
  });
});

describe('work after a tenant scope', () => {
  it('runs once the transaction has committed and its connection is free, never after a rollback', async () => {
    const { tenancy } = tb.services;
    const seen: string[] = [];
    await tenancy.withTenant(tenant, async (scope) => {
      await sql`select 1`.execute(scope.db);
      scope.afterCommit(async () => {
        // The platform pool has one connection: this only answers if the scope gave it back.
        const { rows } = await tenancy.appPool.query(`select 'after' as at`);
        seen.push(rows[0].at);
      });
      seen.push('inside');
    });
    expect(seen).toEqual(['inside', 'after']);

    const failed = tenancy.withTenant(tenant, async (scope) => {
      scope.afterCommit(async () => {
        seen.push('after a rollback');
      });
      throw new Error('the use case failed');
    });
    await expect(failed).rejects.toThrow('the use case failed');
    expect(seen).toEqual(['inside', 'after']);
  });

  it('queues an invitation mail only for an invitation that was kept', async () => {
    const token = await tb.login(OWNER, 'owner-password-1', TENANT.id);
    const jobs = async () =>
      Number(
        (
          await tb.services.jobs.db
            .selectFrom('platform.jobs')
            .select(sql<string>`count(*)`.as('n'))
            .where('kind', '=', 'send_mail')
            .executeTakeFirstOrThrow()
        ).n,
      );
    const before = await jobs();
    const invited = await api(tb, token, 'POST', '/users', {
      payload: { email: 'new@mail-late.test', role: 'member' },
    });
    expect(invited.statusCode).toBe(201);
    expect(await jobs()).toBe(before + 1);
    // A duplicate rolls back after the seat check: no second mail.
    const again = await api(tb, token, 'POST', '/users', {
      payload: { email: 'new@mail-late.test', role: 'member' },
    });
    expect(again.statusCode).toBe(409);
    expect(await jobs()).toBe(before + 1);
  });
});
