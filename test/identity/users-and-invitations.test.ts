import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Isolation } from '../../src/tenancy/tenant-scope.js';
import { api, setLimitOverrides, TIER_OF } from '../support/identity-api.js';
import { tokenIn, waitForMail } from '../support/outbox.js';
import { ISOLATIONS, startTestInstance, type TestInstance } from '../support/test-instance.js';

const OWNER_PASSWORD = 'owner-password-1';
const PASSWORD = 'user-password-1';

let tb: TestInstance;
const ownerTokens = new Map<Isolation, string>();
const tenantOf = (isolation: Isolation) => `users-${isolation}`;

beforeAll(async () => {
  tb = await startTestInstance();
  await Promise.all(
    ISOLATIONS.map((isolation) =>
      tb.createTenant({ id: tenantOf(isolation), isolation, tier: TIER_OF[isolation] }),
    ),
  );
  for (const isolation of ISOLATIONS) {
    const tenant = tenantOf(isolation);
    ownerTokens.set(isolation, await tb.login(`owner@${tenant}.test`, OWNER_PASSWORD, tenant));
  }
});
afterAll(() => tb?.destroy());

describe.for(ISOLATIONS)('users of a %s tenant', (isolation) => {
  const tenant = tenantOf(isolation);
  const email = (name: string) => `${name}-${isolation}@people.test`;
  const owner = () => ownerTokens.get(isolation)!;
  const addUser = async (name: string, role: string, password: string | null = PASSWORD) => {
    const response = await api(tb, owner(), 'POST', '/users', {
      payload: { email: email(name), role, ...(password ? { password } : {}) },
    });
    expect(response.statusCode, response.body).toBe(201);
    return response.json().data as { id: string; email: string; roles: string[]; status: string };
  };
  const signIn = (name: string, password = PASSWORD) =>
    tb.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: email(name), password, tenant_id: tenant },
    });
  const ownerId = async () => {
    const list = await api(tb, owner(), 'GET', '/users', { query: { q: `owner@${tenant}` } });
    return (list.json().data as Array<{ id: string }>)[0]!.id;
  };

  it('adds an active user with a password, who signs in and verifies their address once', async () => {
    const ada = await addUser('Ada', 'member');
    expect(ada).toMatchObject({
      email: email('ada'),
      roles: ['member'],
      status: 'active',
      email_verified_at: null,
    });
    expect((await signIn('ada')).statusCode).toBe(200);

    const mail = await waitForMail(tb, email('ada'), 'email_verification');
    expect(mail.tenant_id).toBe(tenant);
    expect(mail.text).toContain(`${tb.config.publicUrl}/verify-email?token=`);
    const verify = () =>
      tb.app.inject({ method: 'POST', url: '/api/v1/auth/verify-email', payload: { token: tokenIn(mail) } });
    const first = await verify();
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json().data).toEqual({ user_id: ada.id, email: email('ada'), tenant_id: tenant });
    const again = await verify();
    expect(again.statusCode).toBe(400);
    expect(again.json().error.code).toBe('VALIDATION_FAILED');
    const read = await api(tb, owner(), 'GET', `/users/${ada.id}`);
    expect(read.json().data.email_verified_at).not.toBeNull();
  });

  it('refuses a second user with the same email, in any case, with CONFLICT', async () => {
    await addUser('bea', 'viewer');
    const duplicate = await api(tb, owner(), 'POST', '/users', {
      payload: { email: email('BEA').toUpperCase(), role: 'member' },
    });
    expect(duplicate.statusCode).toBe(409);
    expect(duplicate.json().error.code).toBe('CONFLICT');
  });

  it('invites by mail; the link works once and then the user signs in', async () => {
    const invited = await addUser('cleo', 'viewer', null);
    expect(invited.status).toBe('invited');
    expect((await signIn('cleo')).statusCode).toBe(401);

    const mail = await waitForMail(tb, email('cleo'), 'invitation');
    expect(mail.text).toContain(`${tb.config.publicUrl}/accept-invite?token=`);
    const token = tokenIn(mail);
    expect(token.startsWith(`${tenant}.`)).toBe(true);
    const accept = () =>
      tb.app.inject({
        method: 'POST',
        url: '/api/v1/auth/accept-invite',
        payload: { token, password: 'cleo-password-1' },
      });
    const first = await accept();
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json().data).toEqual({ user_id: invited.id, email: email('cleo'), tenant_id: tenant });
    const second = await accept();
    expect(second.statusCode).toBe(400);
    expect(second.json().error).toMatchObject({
      code: 'VALIDATION_FAILED',
      details: [{ path: 'token', message: 'is invalid, expired or already used' }],
    });
    expect((await signIn('cleo', 'cleo-password-1')).statusCode).toBe(200);
    const read = await api(tb, owner(), 'GET', `/users/${invited.id}`);
    expect(read.json().data).toMatchObject({ status: 'active', roles: ['viewer'] });
    expect(read.json().data.email_verified_at).not.toBeNull();
  });

  it('refuses a forged or foreign token exactly like a used one', async () => {
    const forged = [`${tenant}.${'A'.repeat(43)}`, `no-such-tenant.${'A'.repeat(43)}`, 'garbage'];
    for (const token of forged) {
      const response = await tb.app.inject({
        method: 'POST',
        url: '/api/v1/auth/accept-invite',
        payload: { token, password: 'whatever-1' },
      });
      expect(response.statusCode, token).toBe(400);
      expect(response.json().error.details).toEqual([
        { path: 'token', message: 'is invalid, expired or already used' },
      ]);
    }
  });

  it('lets a member neither list nor change users (403 FORBIDDEN)', async () => {
    await addUser('dan', 'member');
    const member = await tb.login(email('dan'), PASSWORD, tenant);
    const id = await ownerId();
    const calls = [
      api(tb, member, 'GET', '/users'),
      api(tb, member, 'GET', `/users/${id}`),
      api(tb, member, 'POST', '/users', { payload: { email: email('eve'), role: 'member' } }),
      api(tb, member, 'PATCH', `/users/${id}`, { payload: { status: 'disabled' } }),
      api(tb, member, 'DELETE', `/users/${id}`),
    ];
    for (const response of await Promise.all(calls)) {
      expect(response.statusCode).toBe(403);
      expect(response.json().error.code).toBe('FORBIDDEN');
    }
  });

  it('changes roles and status; a disabled user cannot sign in until enabled again', async () => {
    const finn = await addUser('finn', 'member');
    const demoted = await api(tb, owner(), 'PATCH', `/users/${finn.id}`, { payload: { roles: ['viewer'] } });
    expect(demoted.json().data.roles).toEqual(['viewer']);
    await api(tb, owner(), 'PATCH', `/users/${finn.id}`, { payload: { status: 'disabled' } });
    expect((await signIn('finn')).statusCode).toBe(401);
    const enabled = await api(tb, owner(), 'PATCH', `/users/${finn.id}`, { payload: { status: 'active' } });
    expect(enabled.json().data.status).toBe('active');
    expect((await signIn('finn')).statusCode).toBe(200);

    const unknownRole = await api(tb, owner(), 'PATCH', `/users/${finn.id}`, {
      payload: { roles: ['no-such-role'] },
    });
    expect(unknownRole.statusCode).toBe(400);
    const invited = await addUser('gus', 'viewer', null);
    const activated = await api(tb, owner(), 'PATCH', `/users/${invited.id}`, {
      payload: { status: 'active' },
    });
    expect(activated.statusCode).toBe(409);
    const removed = await api(tb, owner(), 'DELETE', `/users/${finn.id}`);
    expect(removed.statusCode).toBe(204);
    expect((await api(tb, owner(), 'GET', `/users/${finn.id}`)).statusCode).toBe(404);
  });

  it('never removes, disables or demotes the last active owner, nor lets an admin touch an owner', async () => {
    const id = await ownerId();
    for (const [method, payload] of [
      ['PATCH', { roles: ['admin'] }],
      ['PATCH', { status: 'disabled' }],
      ['DELETE', undefined],
    ] as const) {
      const response = await api(tb, owner(), method, `/users/${id}`, { payload });
      expect(response.statusCode, `${method} ${JSON.stringify(payload)}`).toBe(409);
      expect(response.json().error.code).toBe('CONFLICT');
    }

    await addUser('hal', 'admin');
    const admin = await tb.login(email('hal'), PASSWORD, tenant);
    const member = await addUser('ida', 'member');
    const promote = await api(tb, admin, 'PATCH', `/users/${member.id}`, { payload: { roles: ['owner'] } });
    expect(promote.statusCode).toBe(403);
    expect((await api(tb, admin, 'DELETE', `/users/${id}`)).statusCode).toBe(403);
    const asViewer = await api(tb, admin, 'PATCH', `/users/${member.id}`, { payload: { roles: ['viewer'] } });
    expect(asViewer.statusCode).toBe(200);

    // With a second active owner the first may step down; then the second is the last one.
    const co = await addUser('jo', 'owner');
    const stepDown = await api(tb, owner(), 'PATCH', `/users/${id}`, { payload: { roles: ['admin'] } });
    expect(stepDown.statusCode, stepDown.body).toBe(200);
    const coToken = await tb.login(email('jo'), PASSWORD, tenant);
    expect((await api(tb, coToken, 'DELETE', `/users/${co.id}`)).statusCode).toBe(409);
    const restore = await api(tb, coToken, 'PATCH', `/users/${id}`, { payload: { roles: ['owner'] } });
    expect(restore.json().data.roles).toEqual(['owner']);
    // Stepping down ended the first owner's access token (SPEC §8); they sign in again.
    expect((await api(tb, owner(), 'GET', '/users')).statusCode).toBe(401);
    ownerTokens.set(isolation, await tb.login(`owner@${tenant}.test`, OWNER_PASSWORD, tenant));
  });

  it("keeps users apart: another tenant's ids are NOT_FOUND, naming it is TENANT_MISMATCH", async () => {
    const others = ['default', ...ISOLATIONS.filter((i) => i !== isolation).map(tenantOf)];
    const admin = await tb.adminToken();
    const own = (await api(tb, owner(), 'GET', '/users', { query: { per_page: '100' } })).json()
      .data as Array<{
      id: string;
      email: string;
    }>;
    expect(
      own.every((user) => user.email.endsWith(`-${isolation}@people.test`) || user.email.includes(tenant)),
    ).toBe(true);
    for (const other of others) {
      const theirs = (await api(tb, admin, 'GET', '/users', { headers: { 'x-tenant-id': other } })).json()
        .data as Array<{ id: string }>;
      expect(theirs.length).toBeGreaterThan(0);
      for (const { id } of theirs) {
        expect(own.map((user) => user.id)).not.toContain(id);
        for (const method of ['GET', 'PATCH', 'DELETE'] as const) {
          const response = await api(tb, owner(), method, `/users/${id}`, {
            payload: method === 'PATCH' ? { status: 'disabled' } : undefined,
          });
          expect(response.statusCode, `${method} ${other}`).toBe(404);
          expect(response.json().error.code).toBe('NOT_FOUND');
        }
      }
      const named = await api(tb, owner(), 'GET', '/users', { query: { tenant_id: other } });
      expect(named.statusCode).toBe(403);
      expect(named.json().error.code).toBe('TENANT_MISMATCH');
    }
  });

  it('admits exactly one of twenty concurrent invitations for the last seat (LIMIT_EXCEEDED for the rest)', async () => {
    const seats = (await api(tb, owner(), 'GET', '/users', { query: { per_page: '1' } })).json().pagination
      .total;
    await setLimitOverrides(tb, tenant, { max_users: seats + 1 });
    try {
      const answers = await Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          api(tb, owner(), 'POST', '/users', { payload: { email: email(`rush${i}`), role: 'viewer' } }),
        ),
      );
      const admitted = answers.filter((a) => a.statusCode === 201);
      const refused = answers.filter((a) => a.statusCode === 403);
      expect(admitted).toHaveLength(1);
      expect(refused).toHaveLength(19);
      for (const response of refused) expect(response.json().error.code).toBe('LIMIT_EXCEEDED');
      // A pending invitation holds its seat until withdrawn.
      const more = await api(tb, owner(), 'POST', '/users', {
        payload: { email: email('late'), role: 'viewer' },
      });
      expect(more.json().error.code).toBe('LIMIT_EXCEEDED');
      await api(tb, owner(), 'DELETE', `/users/${admitted[0]!.json().data.id}`);
      const freed = await api(tb, owner(), 'POST', '/users', {
        payload: { email: email('late'), role: 'viewer' },
      });
      expect(freed.statusCode).toBe(201);
    } finally {
      await setLimitOverrides(tb, tenant, {});
    }
  });
});
