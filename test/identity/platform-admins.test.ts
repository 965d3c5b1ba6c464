import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api } from '../support/identity-api.js';
import { tokenIn, waitForMail } from '../support/outbox.js';
import { ADMIN, startTestInstance, type TestInstance } from '../support/test-instance.js';

let tb: TestInstance;
let admin: string;
beforeAll(async () => {
  tb = await startTestInstance();
  admin = await tb.adminToken();
}, 120_000);
afterAll(async () => {
  await tb?.destroy();
});

const list = async () =>
  (await api(tb, admin, 'GET', '/platform/admins')).json().data as Array<Record<string, string>>;

async function addStaff(email: string, role: string, password = 'staff-password-1') {
  const response = await api(tb, admin, 'POST', '/platform/admins', { payload: { email, role, password } });
  expect(response.statusCode, response.body).toBe(201);
  return response.json().data as Record<string, string>;
}

/** Polls until the token is refused (401); the contract allows up to 5 s on every process. */
async function refusedWithin5s(token: string) {
  await expect
    .poll(async () => (await api(tb, token, 'GET', '/auth/me')).statusCode, { timeout: 5000, interval: 100 })
    .toBe(401);
}

describe('/platform/admins', () => {
  it('lists administrators with role and MFA status; the first start made a platform_admin', async () => {
    const rows = await list();
    expect(rows).toEqual([
      expect.objectContaining({ email: ADMIN.email, role: 'platform_admin', mfa: 'off' }),
    ]);
    const me = await api(tb, admin, 'GET', '/auth/me');
    expect(me.json().data.user.roles).toEqual(['platform_admin']);
  });

  it('creates staff with a role their token carries, and shows MFA enrolment', async () => {
    const created = await addStaff('sam@operator.test', 'platform_support');
    expect(created).toMatchObject({ email: 'sam@operator.test', role: 'platform_support', mfa: 'off' });
    const token = await tb.login('sam@operator.test', 'staff-password-1');
    const payload = JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString());
    expect(payload.roles).toEqual(['platform_support']);
    expect(payload.tenant_id).toBeUndefined();
    expect((await api(tb, token, 'POST', '/auth/mfa/enroll')).statusCode).toBe(200);
    expect((await list()).find((row) => row.id === created.id)?.mfa).toBe('pending');
    expect(
      (
        await api(tb, admin, 'POST', '/platform/admins', {
          payload: { email: 'SAM@operator.test', role: 'platform_billing', password: 'x-password-1' },
        })
      ).statusCode,
    ).toBe(409);
  });

  it('mails a link to choose a password when none is given', async () => {
    const created = await api(tb, admin, 'POST', '/platform/admins', {
      payload: { email: 'new@operator.test', role: 'platform_billing' },
    });
    expect(created.statusCode, created.body).toBe(201);
    const token = tokenIn(await waitForMail(tb, 'new@operator.test', 'password_reset', 1, 30_000));
    const reset = await api(tb, null, 'POST', '/auth/reset-password', {
      payload: { token, password: 'chosen-password-1' },
    });
    expect(reset.statusCode, reset.body).toBe(200);
    const session = await tb.login('new@operator.test', 'chosen-password-1');
    expect((await api(tb, session, 'GET', '/auth/me')).json().data.user.roles).toEqual(['platform_billing']);
  });

  it('is platform_admin only', async () => {
    await addStaff('billie@operator.test', 'platform_billing');
    const billing = await tb.login('billie@operator.test', 'staff-password-1');
    for (const [method, path] of [
      ['GET', '/platform/admins'],
      ['POST', '/platform/admins'],
    ] as const) {
      const response = await api(tb, billing, method, path, {
        ...(method === 'POST'
          ? { payload: { email: 'x@y.test', role: 'platform_admin', password: 'pw-123456' } }
          : {}),
      });
      expect(response.statusCode).toBe(403);
    }
    const owner = await tb
      .createTenant({ id: 'acme' })
      .then(() => tb.login('owner@acme.test', 'owner-password-1', 'acme'));
    expect((await api(tb, owner, 'GET', '/platform/admins')).statusCode).toBe(403);
  });

  it('refuses a demoted administrator’s tokens within 5 s; the next sign-in carries the new role', async () => {
    const target = await addStaff('demote@operator.test', 'platform_admin');
    const token = await tb.login('demote@operator.test', 'staff-password-1');
    expect((await api(tb, token, 'POST', '/tenants/acme/suspend')).statusCode).toBe(200);
    expect((await api(tb, token, 'POST', '/tenants/acme/resume')).statusCode).toBe(200);
    const changed = await api(tb, admin, 'PATCH', `/platform/admins/${target.id}`, {
      payload: { role: 'platform_support' },
    });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json().data.role).toBe('platform_support');
    await refusedWithin5s(token);
    const again = await tb.login('demote@operator.test', 'staff-password-1');
    expect((await api(tb, again, 'POST', '/tenants/acme/suspend')).statusCode).toBe(403);
    expect((await api(tb, again, 'GET', '/tenants/acme')).statusCode).toBe(200);
  });

  it('refuses a deleted administrator’s tokens within 5 s', async () => {
    const target = await addStaff('leaver@operator.test', 'platform_support');
    const token = await tb.login('leaver@operator.test', 'staff-password-1');
    expect((await api(tb, token, 'GET', '/auth/me')).statusCode).toBe(200);
    expect((await api(tb, admin, 'DELETE', `/platform/admins/${target.id}`)).statusCode).toBe(204);
    await refusedWithin5s(token);
    expect((await list()).some((row) => row.id === target.id)).toBe(false);
    expect((await api(tb, admin, 'DELETE', `/platform/admins/${target.id}`)).statusCode).toBe(404);
  });

  it('protects the last platform_admin from demotion and deletion (409)', async () => {
    // Leave exactly one platform_admin: demote every other one.
    const me = (await api(tb, admin, 'GET', '/auth/me')).json().data.user.id as string;
    for (const row of await list()) {
      if (row.role === 'platform_admin' && row.id !== me) {
        const demoted = await api(tb, admin, 'PATCH', `/platform/admins/${row.id}`, {
          payload: { role: 'platform_billing' },
        });
        expect(demoted.statusCode, demoted.body).toBe(200);
      }
    }
    const demote = await api(tb, admin, 'PATCH', `/platform/admins/${me}`, {
      payload: { role: 'platform_support' },
    });
    expect(demote.statusCode).toBe(409);
    expect(demote.json().error.code).toBe('CONFLICT');
    expect((await api(tb, admin, 'DELETE', `/platform/admins/${me}`)).statusCode).toBe(409);
    expect((await api(tb, admin, 'GET', '/auth/me')).statusCode).toBe(200);
    // With a second platform_admin, the first may step down.
    const second = await addStaff('second@operator.test', 'platform_admin');
    expect(second.role).toBe('platform_admin');
    const email = await api(tb, admin, 'PATCH', `/platform/admins/${me}`, {
      payload: { email: 'Boss@Example.com' },
    });
    expect(email.json().data.email).toBe('boss@example.com');
  });
});
