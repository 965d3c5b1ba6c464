import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TenantId } from '../../src/tenancy/tenant-id.js';
import { matchTotp } from '../../src/identity/totp.js';
import { adminMfaContext } from '../../src/platform/secrets/platform-secrets.js';
import { sealPlaintextSecrets } from '../../src/platform/secrets/seal-plaintext-secrets.js';
import { ADMIN, ISOLATIONS, startTestInstance, type TestInstance } from '../support/test-instance.js';
import { loginCall, post, session, totpCode } from './auth-calls.js';

const PASSWORD = 'owner-password-1';
const tenantOf = (isolation: string) => `mfa-${isolation}`;

let tb: TestInstance;

beforeAll(async () => {
  tb = await startTestInstance();
  await Promise.all(ISOLATIONS.map((isolation) => tb.createTenant({ id: tenantOf(isolation), isolation })));
});
afterAll(async () => {
  await tb?.destroy();
});

/** Enrols and confirms MFA with the given token; returns the secret, the recovery codes and the confirming code. */
async function enable(token: string) {
  const enrolled = await post(tb, '/api/v1/auth/mfa/enroll', {}, { token });
  expect(enrolled.statusCode, enrolled.body).toBe(200);
  const { secret, otpauth_url } = enrolled.json().data;
  expect(otpauth_url).toMatch(/^otpauth:\/\/totp\/Tenantbase:.*secret=[A-Z2-7]+/);
  expect(otpauth_url).toContain(`secret=${secret}`);
  expect((await post(tb, '/api/v1/auth/mfa/confirm', { totp: '000000' }, { token })).statusCode).toBe(400);
  const confirmation = totpCode(secret);
  const confirmed = await post(tb, '/api/v1/auth/mfa/confirm', { totp: confirmation }, { token });
  expect(confirmed.statusCode, confirmed.body).toBe(200);
  const codes = confirmed.json().data.recovery_codes as string[];
  expect(codes).toHaveLength(10);
  expect(new Set(codes).size).toBe(10);
  return { secret, codes, confirmation };
}

/** The MFA login checks shared by tenant users and administrators. */
async function checkMfaLogin(
  credentials: Record<string, unknown>,
  { secret, codes, confirmation }: { secret: string; codes: string[]; confirmation: string },
) {
  const missing = await loginCall(tb, credentials);
  expect(missing.statusCode).toBe(401);
  expect(missing.json().error).toMatchObject({
    code: 'UNAUTHENTICATED',
    details: [{ path: 'totp', message: 'required' }],
  });
  const wrong = await loginCall(tb, { ...credentials, totp: '123456' });
  expect(wrong.json().error).toEqual(missing.json().error);
  // The code that confirmed enrolment is spent: replayed while its time step is still accepted,
  // it fails. (A fresh "current" code would belong to the next step after a 30 s boundary.)
  expect(matchTotp(secret, confirmation)).not.toBeNull();
  const replayed = await loginCall(tb, { ...credentials, totp: confirmation });
  expect(replayed.statusCode).toBe(401);

  const next = totpCode(secret, 1); // the next period's code, accepted for clock drift
  expect((await loginCall(tb, { ...credentials, totp: next })).statusCode).toBe(200);
  expect((await loginCall(tb, { ...credentials, totp: next })).statusCode).toBe(401);

  const recovered = await loginCall(tb, { ...credentials, recovery_code: codes[0]!.toLowerCase() });
  expect(recovered.statusCode, recovered.body).toBe(200);
  expect(recovered.json().data.refresh_token).toBeDefined();
  expect((await loginCall(tb, { ...credentials, recovery_code: codes[0] })).statusCode).toBe(401);
}

describe.for(ISOLATIONS)('TOTP for a tenant user in %s isolation', (isolation) => {
  const tenantId = tenantOf(isolation);
  const email = `owner@${tenantId}.test`;
  const credentials = { email, password: PASSWORD, tenant_id: tenantId };

  it('enrols, confirms, then demands a code at login; recovery codes work once; disable needs a code', async () => {
    const { access_token: token } = await session(tb, credentials);
    const enabled = await enable(token);
    const { secret, codes } = enabled;

    // State lives in the tenant's own storage, recovery codes only as hashes.
    const tenant = (await tb.services.tenancy.registry.load(tenantId as TenantId))!;
    const row = await tb.services.tenancy.withTenant(tenant, (scope) =>
      scope.db
        .selectFrom('user_mfa')
        .selectAll()
        .where('tenant_id', '=', scope.tenantId)
        .executeTakeFirstOrThrow(),
    );
    expect(row).toMatchObject({ status: 'active', secret });
    expect(row.recovery_codes).toHaveLength(10);
    for (const hash of row.recovery_codes) expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(row)).not.toContain(codes[1]);
    const inPlatform = await tb.services.tenancy.platformDb
      .selectFrom('platform.admin_mfa')
      .select('admin_id')
      .execute();
    expect(inPlatform).toEqual([]);

    expect((await post(tb, '/api/v1/auth/mfa/enroll', {}, { token })).statusCode).toBe(409);
    await checkMfaLogin(credentials, enabled);

    const refused = await post(tb, '/api/v1/auth/mfa/disable', { totp: '000000' }, { token });
    expect(refused.statusCode).toBe(400);
    const disabled = await post(tb, '/api/v1/auth/mfa/disable', { recovery_code: codes[1] }, { token });
    expect(disabled.statusCode, disabled.body).toBe(204);
    expect((await loginCall(tb, credentials)).statusCode).toBe(200);
  });
});

describe('TOTP for a platform administrator', () => {
  it('lives in the platform database and works the same way', async () => {
    const credentials = { email: ADMIN.email, password: ADMIN.password };
    const { access_token: token } = await session(tb, credentials);
    const enabled = await enable(token);
    const { secret, codes } = enabled;
    const row = await tb.services.tenancy.platformDb
      .selectFrom('platform.admin_mfa')
      .selectAll()
      .executeTakeFirstOrThrow();
    // Sealed with SECRETS_KEY, bound to this administrator's row; it opens to the enrolled secret.
    expect(row.status).toBe('active');
    expect(row.secret).toMatch(/^tbenc1\./);
    expect(row.secret).not.toContain(secret);
    expect(tb.services.tenancy.endpoints.secrets.open(row.secret, adminMfaContext(row.admin_id))).toBe(
      secret,
    );

    await checkMfaLogin(credentials, enabled);

    // An older version's plain-text secret is sealed at start and keeps working.
    const owner = await tb.services.tenancy.adminPool.connect();
    try {
      await owner.query('update platform.admin_mfa set secret = $1 where admin_id = $2', [
        secret,
        row.admin_id,
      ]);
      expect(await sealPlaintextSecrets(owner, tb.services.tenancy.endpoints.secrets)).toBe(1);
      const { rows } = await owner.query<{ secret: string }>('select secret from platform.admin_mfa');
      expect(rows[0]!.secret).toMatch(/^tbenc1\./);
      expect(tb.services.tenancy.endpoints.secrets.open(rows[0]!.secret, adminMfaContext(row.admin_id))).toBe(
        secret,
      );
    } finally {
      owner.release();
    }
    // (Its codes of this and the next step are spent above: a recovery code passes the second factor.)
    const again = await loginCall(tb, { ...credentials, recovery_code: codes[1] });
    expect(again.statusCode, again.body).toBe(200);
    // The administrator's MFA is not the default tenant owner's, though they share an email.
    expect((await loginCall(tb, { ...credentials, tenant_id: 'default' })).statusCode).toBe(200);

    const disabled = await post(tb, '/api/v1/auth/mfa/disable', { recovery_code: codes[2] }, { token });
    expect(disabled.statusCode, disabled.body).toBe(204);
    expect((await loginCall(tb, credentials)).statusCode).toBe(200);
  });

  it('refuses to confirm without an enrolment and to disable what is off', async () => {
    const token = await tb.adminToken();
    expect((await post(tb, '/api/v1/auth/mfa/confirm', { totp: '123456' }, { token })).statusCode).toBe(409);
    expect((await post(tb, '/api/v1/auth/mfa/disable', { totp: '123456' }, { token })).statusCode).toBe(409);
    expect((await post(tb, '/api/v1/auth/mfa/enroll', {})).statusCode).toBe(401);
  });
});
