import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, TIER_OF } from '../support/identity-api.js';
import { ISOLATIONS, startTestInstance, type TestInstance } from '../support/test-instance.js';

// The caller's own-account routes (/auth/me, /auth/mfa/*) answer each kind of principal for what
// it is: a tenant user, a platform administrator (also acting in a tenant), or an API key, which
// has no account and no second factor. None of them is ever a 500.
let tb: TestInstance;
const owners: Record<string, string> = {};

beforeAll(async () => {
  tb = await startTestInstance();
  for (const isolation of ISOLATIONS) {
    for (const side of ['a', 'b']) {
      const id = `kinds-${isolation}-${side}`;
      await tb.createTenant({ id, isolation, tier: TIER_OF[isolation] });
      owners[id] = await tb.login(`owner@${id}.test`, 'owner-password-1', id);
    }
  }
}, 180_000);
afterAll(async () => {
  await tb?.destroy();
});

const MFA_CALLS = [
  { method: 'GET', path: '/auth/mfa' },
  { method: 'POST', path: '/auth/mfa/enroll' },
  { method: 'POST', path: '/auth/mfa/confirm', payload: { totp: '123456' } },
  { method: 'POST', path: '/auth/mfa/disable', payload: { totp: '123456' } },
  // A body the schema refuses: the key is refused first, so its body says nothing.
  { method: 'POST', path: '/auth/mfa/confirm', payload: { nonsense: true } },
] as const;

describe.for(ISOLATIONS)('own-account routes in %s isolation', (isolation) => {
  const a = `kinds-${isolation}-a`;
  const b = `kinds-${isolation}-b`;

  async function apiKey(tenant: string, permissions: string[]) {
    const created = await api(tb, owners[tenant]!, 'POST', '/api-keys', {
      payload: { name: `reader of ${tenant}`, permissions },
    });
    expect(created.statusCode, created.body).toBe(201);
    return created.json().data as { id: string; secret: string };
  }

  it('GET /auth/me describes an API key, never its secret, and no account', async () => {
    const key = await apiKey(a, ['deployments:read']);
    const me = await api(tb, key.secret, 'GET', '/auth/me');
    expect(me.statusCode, me.body).toBe(200);
    expect(me.json().data).toMatchObject({
      kind: 'api_key',
      tenant_id: a,
      user: null,
      api_key: { id: key.id, name: `reader of ${a}`, permissions: ['deployments:read'], revoked_at: null },
    });
    expect(me.headers['x-tenant-id']).toBe(a);
    expect(me.body).not.toContain(key.secret.split('.').pop());

    const cross = await api(tb, key.secret, 'GET', '/auth/me', { headers: { 'x-tenant-id': b } });
    expect(cross.statusCode).toBe(403);
    expect(cross.json().error.code).toBe('TENANT_MISMATCH');
  });

  it('refuses every MFA route to an API key with 403 FORBIDDEN, and changes nothing', async () => {
    const key = await apiKey(a, ['deployments:read']);
    for (const call of MFA_CALLS) {
      const response = await api(tb, key.secret, call.method, call.path, {
        ...('payload' in call ? { payload: call.payload } : {}),
      });
      expect(response.statusCode, `${call.method} ${call.path}: ${response.body}`).toBe(403);
      expect(response.json().error).toMatchObject({
        code: 'FORBIDDEN',
        message: 'API keys have no second factor',
      });
    }
    // The owner's own MFA is untouched and still theirs to enrol.
    const own = await api(tb, owners[a]!, 'GET', '/auth/mfa');
    expect(own.json().data).toEqual({ status: 'off' });
    const enrol = await api(tb, owners[a]!, 'POST', '/auth/mfa/enroll');
    expect(enrol.statusCode, enrol.body).toBe(200);
    expect(enrol.json().data.otpauth_url).toContain(a);
  });

  it('answers a tenant user and an administrator acting in the tenant each as themselves', async () => {
    const user = await api(tb, owners[a]!, 'GET', '/auth/me');
    expect(user.statusCode).toBe(200);
    expect(user.json().data).toMatchObject({
      kind: 'tenant_user',
      tenant_id: a,
      user: { email: `owner@${a}.test`, roles: ['owner'] },
    });
    expect(user.json().data).not.toHaveProperty('api_key');

    const admin = await tb.adminToken();
    for (const headers of [{}, { 'x-tenant-id': a }] as Record<string, string>[]) {
      const me = await api(tb, admin, 'GET', '/auth/me', { headers });
      expect(me.statusCode, me.body).toBe(200);
      expect(me.json().data).toMatchObject({
        kind: 'platform_admin',
        tenant_id: null,
        user: { email: 'admin@example.com', roles: ['platform_admin'] },
      });
      // The administrator's own MFA, not some user's of the tenant they name.
      const mfa = await api(tb, admin, 'GET', '/auth/mfa', { headers });
      expect(mfa.statusCode).toBe(200);
      expect(mfa.json().data).toEqual({ status: 'off' });
    }
  });
});
