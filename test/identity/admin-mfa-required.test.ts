import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, startTestInstance, type TestInstance } from '../support/test-instance.js';
import { claimsOf, loginCall, me, post, session, totpCode } from './auth-calls.js';

let tb: TestInstance;
const credentials = { email: ADMIN.email, password: ADMIN.password };

beforeAll(async () => {
  tb = await startTestInstance({ extraEnv: { REQUIRE_ADMIN_MFA: 'true' } });
});
afterAll(async () => {
  await tb?.destroy();
});

describe('REQUIRE_ADMIN_MFA=true', () => {
  it('gives an administrator without MFA a token that only opens enrolment', async () => {
    const setup = await session(tb, credentials);
    expect(setup.mfa_setup_required).toBe(true);
    expect(setup.refresh_token).toBeUndefined();
    expect(claimsOf(setup.access_token).mfa_setup_only).toBe(true);

    const tenants = await tb.app.inject({
      url: '/api/v1/tenants',
      headers: { authorization: `Bearer ${setup.access_token}` },
    });
    expect(tenants.statusCode).toBe(403);
    expect(tenants.json().error.code).toBe('FORBIDDEN');
    expect(tenants.json().error.message).toMatch(/enrol/);
    const inTenant = await tb.app.inject({
      url: '/api/v1/deployments',
      headers: { authorization: `Bearer ${setup.access_token}`, 'x-tenant-id': 'default' },
    });
    expect(inTenant.statusCode).toBe(403);
    expect((await me(tb, setup.access_token)).statusCode).toBe(200);

    const enrolled = await post(tb, '/api/v1/auth/mfa/enroll', {}, { token: setup.access_token });
    expect(enrolled.statusCode).toBe(200);
    const { secret } = enrolled.json().data;
    const confirmed = await post(
      tb,
      '/api/v1/auth/mfa/confirm',
      { totp: totpCode(secret) },
      { token: setup.access_token },
    );
    expect(confirmed.statusCode).toBe(200);
    // Disabling is not enrolment: the setup token cannot do it.
    const disable = await post(
      tb,
      '/api/v1/auth/mfa/disable',
      { recovery_code: confirmed.json().data.recovery_codes[0] },
      { token: setup.access_token },
    );
    expect(disable.statusCode).toBe(403);

    const noCode = await loginCall(tb, credentials);
    expect(noCode.statusCode).toBe(401);
    expect(noCode.json().error.details).toEqual([{ path: 'totp', message: 'required' }]);
    const full = await session(tb, { ...credentials, totp: totpCode(secret, 1) });
    expect(full.mfa_setup_required).toBeUndefined();
    expect(full.refresh_token).toBeDefined();
    expect(claimsOf(full.access_token).mfa_setup_only).toBeUndefined();
    const allowed = await tb.app.inject({
      url: '/api/v1/tenants',
      headers: { authorization: `Bearer ${full.access_token}` },
    });
    expect(allowed.statusCode).toBe(200);
  });

  it('does not apply to tenant users', async () => {
    const owner = await session(tb, { ...credentials, tenant_id: 'default' });
    expect(owner.mfa_setup_required).toBeUndefined();
    const list = await tb.app.inject({
      url: '/api/v1/deployments',
      headers: { authorization: `Bearer ${owner.access_token}` },
    });
    expect(list.statusCode).toBe(200);
  });
});
