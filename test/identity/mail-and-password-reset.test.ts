import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Isolation } from '../../src/tenancy/tenant-scope.js';
import { api, TIER_OF } from '../support/identity-api.js';
import { mailsTo, tokenIn, waitForMail } from '../support/outbox.js';
import { ADMIN, ISOLATIONS, startTestInstance, type TestInstance } from '../support/test-instance.js';

let tb: TestInstance;
const tenantOf = (isolation: Isolation) => `mail-${isolation}`;
const ownerOf = (isolation: Isolation) => `owner@${tenantOf(isolation)}.test`;
const OWNER_PASSWORD = 'chosen-password-1';

const post = (url: string, payload: unknown, remoteAddress?: string) =>
  tb.app.inject({ method: 'POST', url: `/api/v1${url}`, payload: payload as object, remoteAddress });

beforeAll(async () => {
  tb = await startTestInstance();
  // No admin_password: each first owner is invited by mail once the tenant is provisioned.
  await Promise.all(
    ISOLATIONS.map((isolation) =>
      tb.createTenant({
        id: tenantOf(isolation),
        isolation,
        tier: TIER_OF[isolation],
        admin_password: undefined,
      }),
    ),
  );
  // Mail goes out through a job once the invitation commits: wait for it to be delivered.
  await Promise.all(ISOLATIONS.map((isolation) => waitForMail(tb, ownerOf(isolation), 'invitation')));
});
afterAll(() => tb?.destroy());

describe('the development outbox', () => {
  it('is for platform administrators only, newest first and paginated', async () => {
    expect((await api(tb, null, 'GET', '/outbox')).statusCode).toBe(401);
    const page = await api(tb, await tb.adminToken(), 'GET', '/outbox', { query: { per_page: '2' } });
    expect(page.statusCode).toBe(200);
    const { data, pagination } = page.json();
    expect(data).toHaveLength(2);
    expect(pagination).toMatchObject({ page: 1, per_page: 2, has_prev: false });
    expect(pagination.total).toBeGreaterThanOrEqual(ISOLATIONS.length);
    expect(Date.parse(data[0].created_at)).toBeGreaterThanOrEqual(Date.parse(data[1].created_at));
  });
});

describe.for(ISOLATIONS)('mail for a %s tenant', (isolation) => {
  const tenant = tenantOf(isolation);
  const owner = ownerOf(isolation);

  it('invites the first owner created without a password; accepting lets them sign in', async () => {
    const mails = await mailsTo(tb, owner);
    expect(mails.map((mail) => mail.kind)).toEqual(['invitation']);
    expect(mails[0]!.tenant_id).toBe(tenant);
    expect(mails[0]!.subject).toContain(tenant);
    const accepted = await post('/auth/accept-invite', {
      token: tokenIn(mails[0]!),
      password: OWNER_PASSWORD,
    });
    expect(accepted.statusCode, accepted.body).toBe(200);
    const token = await tb.login(owner, OWNER_PASSWORD, tenant);
    const me = await api(tb, token, 'GET', '/users', { query: { q: 'owner@' } });
    expect(me.json().data[0]).toMatchObject({ email: owner, roles: ['owner'], status: 'active' });
    const tenantOwner = await api(tb, token, 'GET', '/outbox');
    expect(tenantOwner.statusCode).toBe(403);
  });

  it('answers forgot-password the same whether or not the email exists, and mails only a real user', async () => {
    const known = await post('/auth/forgot-password', { email: owner, tenant_id: tenant });
    const unknown = await post('/auth/forgot-password', {
      email: `nobody@${tenant}.test`,
      tenant_id: tenant,
    });
    expect(known.statusCode).toBe(202);
    expect(unknown.statusCode).toBe(202);
    expect(unknown.json()).toEqual(known.json());
    const mail = await waitForMail(tb, owner, 'password_reset');
    expect(mail.tenant_id).toBe(tenant);
    expect(mail.text).toContain(`${tb.config.publicUrl}/reset-password?token=`);
    expect(await mailsTo(tb, `nobody@${tenant}.test`)).toEqual([]);

    const session = await post('/auth/login', { email: owner, password: OWNER_PASSWORD, tenant_id: tenant });
    const refreshToken = session.json().data.refresh_token as string;
    const reset = () => post('/auth/reset-password', { token: tokenIn(mail), password: 'new-password-2' });
    const first = await reset();
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json().data).toMatchObject({ email: owner, tenant_id: tenant });
    expect((await reset()).statusCode).toBe(400);
    await expect(tb.login(owner, OWNER_PASSWORD, tenant)).rejects.toThrow();
    await tb.login(owner, 'new-password-2', tenant);
    // sessions opened with the old password end with the reset
    expect((await post('/auth/refresh', { refresh_token: refreshToken })).statusCode).toBe(401);
  });

  it('keeps only the newest reset link alive and names the tenant from a resolver too', async () => {
    const ask = () =>
      tb.app.inject({
        method: 'POST',
        url: '/api/v1/auth/forgot-password',
        headers: { 'x-tenant-id': tenant },
        payload: { email: owner },
      });
    await ask();
    const older = await waitForMail(tb, owner, 'password_reset', 2);
    await ask();
    const newer = await waitForMail(tb, owner, 'password_reset', 3);
    expect(tokenIn(newer)).not.toBe(tokenIn(older));
    expect(
      (await post('/auth/reset-password', { token: tokenIn(older), password: 'x-password-3' })).statusCode,
    ).toBe(400);
    expect(
      (await post('/auth/reset-password', { token: tokenIn(newer), password: OWNER_PASSWORD })).statusCode,
    ).toBe(200);
    await tb.login(owner, OWNER_PASSWORD, tenant);
  });

  it("refuses a token of this tenant when it is presented as another tenant's", async () => {
    await post('/auth/forgot-password', { email: owner, tenant_id: tenant });
    const mail = await waitForMail(tb, owner, 'password_reset', 4);
    const secret = tokenIn(mail).slice(tenant.length + 1);
    const other = tenantOf(ISOLATIONS.find((i) => i !== isolation)!);
    const moved = await post('/auth/reset-password', {
      token: `${other}.${secret}`,
      password: 'moved-password-1',
    });
    expect(moved.statusCode).toBe(400);
    expect(moved.json().error.details[0].path).toBe('token');
  });
});

describe('forgot-password limits (strict, counted for unknown emails too)', () => {
  it('caps requests per email and tenant', async () => {
    const ask = () =>
      post('/auth/forgot-password', { email: 'ghost@mail.test', tenant_id: tenantOf('pool') }, '10.9.0.1');
    const codes = [];
    for (let i = 0; i < 6; i += 1) codes.push((await ask()).statusCode);
    expect(codes).toEqual([202, 202, 202, 202, 202, 429]);
    const refused = await ask();
    expect(refused.json().error.code).toBe('RATE_LIMITED');
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    // The same email in another tenant is another account.
    const elsewhere = await post('/auth/forgot-password', {
      email: 'ghost@mail.test',
      tenant_id: tenantOf('schema'),
    });
    expect(elsewhere.statusCode).toBe(202);
  });

  it('caps requests per source address', async () => {
    const codes = [];
    for (let i = 0; i < 21; i += 1) {
      const response = await post(
        '/auth/forgot-password',
        { email: `probe${i}@mail.test`, tenant_id: tenantOf('pool') },
        '10.9.0.2',
      );
      codes.push(response.statusCode);
    }
    expect(codes.slice(0, 20).every((code) => code === 202)).toBe(true);
    expect(codes[20]).toBe(429);
  });
});

describe('a platform administrator (no tenant resolves)', () => {
  it('resets their password by mail, once', async () => {
    const answer = await post('/auth/forgot-password', { email: ADMIN.email });
    expect(answer.statusCode).toBe(202);
    const mail = await waitForMail(tb, ADMIN.email, 'password_reset');
    expect(mail.tenant_id).toBeNull();
    expect(tokenIn(mail).startsWith('admin.')).toBe(true);
    const reset = () => post('/auth/reset-password', { token: tokenIn(mail), password: 'admin-password-2' });
    const first = await reset();
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json().data).toMatchObject({ email: ADMIN.email, tenant_id: null });
    expect((await reset()).statusCode).toBe(400);
    await tb.login(ADMIN.email, 'admin-password-2');
    // Tenant links never accept an administrator's token.
    const asInvite = await post('/auth/accept-invite', {
      token: tokenIn(mail),
      password: 'admin-password-3',
    });
    expect(asInvite.statusCode).toBe(400);
  });
});
