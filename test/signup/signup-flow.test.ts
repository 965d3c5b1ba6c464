import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAINTENANCE_JOB, scheduleMaintenance } from '../../src/jobs/maintenance-job.js';
import { api } from '../support/identity-api.js';
import { tokenIn, waitForMail } from '../support/outbox.js';
import { startTestInstance, type TestInstance } from '../support/test-instance.js';

let tb: TestInstance;
beforeAll(async () => {
  tb = await startTestInstance();
}, 120_000);
afterAll(async () => {
  await tb?.destroy();
});

let nextAddress = 1;
/** Each test signs up from its own address, so the per-address limit is spent only where meant. */
const freshAddress = () => `198.51.100.${nextAddress++}`;

function signup(body: Record<string, unknown>, address = freshAddress()) {
  return tb.app.inject({
    method: 'POST',
    url: '/api/v1/auth/signup',
    remoteAddress: address,
    payload: { company_name: 'Acme Dental', password: 'signer-password-1', ...body },
  });
}

const verify = (token: string) => api(tb, null, 'POST', '/auth/verify-email', { payload: { token } });
const login = (email: string, tenantId: string, password = 'signer-password-1') =>
  api(tb, null, 'POST', '/auth/login', { payload: { email, password, tenant_id: tenantId } });

async function signupToken(email: string, count = 1): Promise<string> {
  return tokenIn(await waitForMail(tb, email, 'signup_verification', count, 30_000));
}

async function until<T>(probe: () => Promise<T | undefined>, what: string, timeoutMs = 60_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`${what} did not happen within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('signup → mail → verify-email → provisioned tenant', () => {
  it('mails a signup_ token, stores only hashes, and provisions a standard tenant with the signer as owner', async () => {
    const email = 'Founder@Acme-Dental.test';
    const created = await signup({ tenant_id: 'acme-dental', email, business_domain: 'dental' });
    expect(created.statusCode, created.body).toBe(202);
    expect(created.json().data).toEqual({ tenant_id: 'acme-dental', status: 'pending_verification' });

    const mail = await waitForMail(tb, 'founder@acme-dental.test', 'signup_verification', 1, 30_000);
    expect(mail.tenant_id).toBeNull();
    expect(mail.text).toContain('/signup/verify?token=');
    const token = tokenIn(mail);
    expect(token).toMatch(/^signup_[A-Za-z0-9_-]{43}$/);

    // Owner connection: the application role cannot read password_hash.
    const owner = await tb.services.tenancy.adminPool.query(
      `select password_hash, token_hash from platform.signups where tenant_id = 'acme-dental'`,
    );
    expect(owner.rows[0].password_hash).toMatch(/^\$argon2id\$/);
    expect(owner.rows[0].token_hash).not.toContain(token);
    const everything = await tb.services.tenancy.adminPool.query(
      `select count(*)::int as n from platform.signups s where s::text like '%' || $1 || '%'`,
      [token.slice(7)],
    );
    expect(everything.rows[0].n).toBe(0);
    await expect(
      sql`select password_hash from platform.signups`.execute(tb.services.tenancy.platformDb),
    ).rejects.toThrow(/permission denied/);

    // No registry row yet: the id is not a tenant, so signing in finds none.
    expect((await login('founder@acme-dental.test', 'acme-dental')).statusCode).toBe(404);

    // Provisioning cannot start while the worker is stopped: the answer before `active` is 503.
    await tb.services.worker.stop();
    try {
      const verified = await verify(token);
      expect(verified.statusCode, verified.body).toBe(202);
      expect(verified.json().data).toEqual({ tenant_id: 'acme-dental', status: 'provisioning' });
      const early = await login('founder@acme-dental.test', 'acme-dental');
      expect(early.statusCode, early.body).toBe(503);
      expect(early.headers['retry-after']).toBeDefined();
      // Following the link again creates nothing and tells the progress.
      const again = await verify(token);
      expect(again.statusCode).toBe(202);
      expect(again.json().data).toEqual({ tenant_id: 'acme-dental', status: 'provisioning' });
    } finally {
      await tb.services.worker.start();
    }

    const tenant = await tb.waitForTenant('acme-dental');
    expect(tenant).toMatchObject({
      tier: 'standard',
      isolation: 'pool',
      business_domain: 'dental',
      name: 'Acme Dental',
    });
    expect(tenant.features).toContain('patient_management');
    expect((await verify(token)).json().data).toEqual({ tenant_id: 'acme-dental', status: 'active' });

    const session = await login('founder@acme-dental.test', 'acme-dental');
    expect(session.statusCode, session.body).toBe(200);
    expect(session.json().data.user.roles).toEqual(['owner']);
    // The verification link reached the signer: the owner's address counts as verified.
    const users = await api(tb, session.json().data.access_token, 'GET', '/users');
    expect(users.statusCode, users.body).toBe(200);
    const signer = users
      .json()
      .data.find((user: { email: string }) => user.email === 'founder@acme-dental.test');
    expect(signer.email_verified_at).toEqual(expect.any(String));
    expect(Date.parse(signer.email_verified_at)).toBeGreaterThan(Date.now() - 600_000);
  });

  it('refuses a wrong or malformed signup token like any other mailed token', async () => {
    for (const token of ['signup_' + 'A'.repeat(43), 'signup_', 'signup_x.y']) {
      const response = await verify(token);
      expect(response.statusCode).toBe(400);
      expect(response.json().error.details).toEqual([
        { path: 'token', message: 'is invalid, expired or already used' },
      ]);
    }
  });
});

describe('tenant ids', () => {
  it('refuses a reserved id with 400 and a malformed one with 400', async () => {
    const reserved = await signup({ tenant_id: 'admin', email: 'x@reserved.test' });
    expect(reserved.statusCode).toBe(400);
    expect(reserved.json().error.details[0]).toMatchObject({ path: 'tenant_id' });
    expect((await signup({ tenant_id: 'Bad Id', email: 'x@bad.test' })).statusCode).toBe(400);
  });

  it('refuses an id that ever had a registry row (active or deleted) with 409', async () => {
    await tb.createTenant({ id: 'taken-co' });
    const taken = await signup({ tenant_id: 'taken-co', email: 'x@taken.test' });
    expect(taken.statusCode).toBe(409);
    expect(taken.json().error.code).toBe('CONFLICT');
    await tb.services.tenancy.platformDb
      .updateTable('platform.tenants')
      .set({ status: 'deleted' })
      .where('id', '=', 'taken-co')
      .execute();
    expect((await signup({ tenant_id: 'taken-co', email: 'x@taken.test' })).statusCode).toBe(409);
  });

  it('holds a pending id for its signer only; the same signer signs up again and only the newest link works', async () => {
    expect((await signup({ tenant_id: 'pending-co', email: 'first@pending.test' })).statusCode).toBe(202);
    const other = await signup({ tenant_id: 'pending-co', email: 'second@pending.test' });
    expect(other.statusCode).toBe(409);
    const first = await signupToken('first@pending.test');
    expect((await signup({ tenant_id: 'pending-co', email: 'first@pending.test' })).statusCode).toBe(202);
    const second = await signupToken('first@pending.test', 2);
    expect(second).not.toBe(first);
    expect((await verify(first)).statusCode).toBe(400);
    expect((await verify(second)).statusCode).toBe(202);
    await tb.waitForTenant('pending-co');
  });

  it('answers availability as the id is typed', async () => {
    const check = (id: string) =>
      api(tb, null, 'GET', '/auth/signup/availability', { query: { tenant_id: id } });
    expect((await check('free-co')).json().data).toEqual({
      tenant_id: 'free-co',
      available: true,
      reason: null,
    });
    expect((await check('api')).json().data).toMatchObject({ available: false, reason: 'reserved' });
    expect((await check('X')).json().data).toMatchObject({ available: false, reason: 'invalid' });
    expect((await check('default')).json().data).toMatchObject({ available: false, reason: 'taken' });
    await signup({ tenant_id: 'soon-co', email: 'x@soon.test' });
    expect((await check('soon-co')).json().data).toMatchObject({ available: false, reason: 'taken' });
  });
});

describe('expiry', () => {
  it('lets an unverified signup expire after 48 h: the maintenance job removes it and frees the id', async () => {
    expect((await signup({ tenant_id: 'late-co', email: 'late@late.test' })).statusCode).toBe(202);
    const token = await signupToken('late@late.test');
    expect((await signup({ tenant_id: 'late-co', email: 'other@late.test' })).statusCode).toBe(409);

    // 48 hours pass (the row is dated back; nothing sleeps).
    const db = tb.services.tenancy.platformDb;
    await sql`update platform.signups set created_at = now() - interval '49 hours',
      expires_at = now() - interval '1 hour' where tenant_id = 'late-co'`.execute(db);
    expect((await verify(token)).statusCode).toBe(400);

    await db.deleteFrom('platform.jobs').where('kind', '=', MAINTENANCE_JOB).execute();
    await scheduleMaintenance(tb.services.jobs, new Date());
    tb.services.worker.poke();
    const run = await until(
      () =>
        db
          .selectFrom('platform.jobs')
          .select('result')
          .where('kind', '=', MAINTENANCE_JOB)
          .where('status', '=', 'done')
          .executeTakeFirst(),
      'a maintenance run',
    );
    expect(run.result).toMatchObject({ signups_expired: 1 });
    expect(
      await db
        .selectFrom('platform.signups')
        .select('tenant_id')
        .where('tenant_id', '=', 'late-co')
        .execute(),
    ).toEqual([]);

    // The id is free for someone else now.
    expect((await signup({ tenant_id: 'late-co', email: 'other@late.test' })).statusCode).toBe(202);
  });
});

describe('rate limits', () => {
  it('limits signups per source address', async () => {
    const address = freshAddress();
    for (let i = 0; i < 10; i++) {
      const response = await signup({ tenant_id: `burst-${i}-co`, email: `x${i}@burst.test` }, address);
      expect(response.statusCode, response.body).toBe(202);
    }
    const over = await signup({ tenant_id: 'burst-x-co', email: 'y@burst.test' }, address);
    expect(over.statusCode).toBe(429);
    expect(over.json().error.code).toBe('RATE_LIMITED');
    expect(Number(over.headers['retry-after'])).toBeGreaterThan(0);
  });

  it('limits signups per email address, whatever the source', async () => {
    for (let i = 0; i < 5; i++) {
      const response = await signup({ tenant_id: `mail-${i}-co`, email: 'victim@mail.test' });
      expect(response.statusCode, response.body).toBe(202);
    }
    const over = await signup({ tenant_id: 'mail-x-co', email: 'Victim@mail.test' });
    expect(over.statusCode).toBe(429);
  });
});

describe('SIGNUP_ENABLED=false', () => {
  let off: TestInstance;
  beforeAll(async () => {
    off = await startTestInstance({ extraEnv: { SIGNUP_ENABLED: 'false' } });
  }, 120_000);
  afterAll(async () => {
    await off?.destroy();
  });

  it('answers 403 FORBIDDEN and files nothing', async () => {
    const response = await off.app.inject({
      method: 'POST',
      url: '/api/v1/auth/signup',
      payload: { tenant_id: 'off-co', company_name: 'Off', email: 'x@off.test', password: 'off-password-1' },
    });
    expect(response.statusCode).toBe(403);
    expect(response.json().error.code).toBe('FORBIDDEN');
    const check = await off.app.inject({ url: '/api/v1/auth/signup/availability?tenant_id=off-co' });
    expect(check.statusCode).toBe(403);
    const rows = await off.services.tenancy.platformDb
      .selectFrom('platform.signups')
      .select('tenant_id')
      .execute();
    expect(rows).toEqual([]);
  });
});
