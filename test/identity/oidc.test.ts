import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, type JWK, type JWTPayload, SignJWT, UnsecuredJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TenantId } from '../../src/tenancy/tenant-id.js';
import { api, setLimitOverrides } from '../support/identity-api.js';
import { mailsTo } from '../support/outbox.js';
import { ISOLATIONS, startTestInstance, type TestInstance } from '../support/test-instance.js';

type Key = Awaited<ReturnType<typeof generateKeyPair>>['privateKey'];

const AUDIENCE = 'tenantbase-test';
let tb: TestInstance;
let jwks: Server;
let base: string;
let rsa: Key;
let ec: Key;
/** Never published: a token it signs under a published kid must still fail. */
let rogue: Key;
const owners: Record<string, string> = {};

/** One identity provider per isolation model, all served by this test on 127.0.0.1. */
const issuerOf = (isolation: string) => `${base}/idp-${isolation}`;

beforeAll(async () => {
  const pairs = await Promise.all([
    generateKeyPair('RS256'),
    generateKeyPair('ES256'),
    generateKeyPair('RS256'),
  ]);
  [rsa, ec, rogue] = pairs.map((pair) => pair.privateKey) as [Key, Key, Key];
  const keys: JWK[] = [
    { ...(await exportJWK(pairs[0].publicKey)), kid: 'rsa-1', alg: 'RS256', use: 'sig' },
    { ...(await exportJWK(pairs[1].publicKey)), kid: 'ec-1', alg: 'ES256', use: 'sig' },
  ];
  jwks = createServer((request, response) => {
    response.setHeader('content-type', 'application/json');
    response.end(request.url?.endsWith('/jwks') ? JSON.stringify({ keys }) : '{}');
  });
  await new Promise<void>((resolve) => jwks.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(jwks.address() as AddressInfo).port}`;

  // The provider is this test's own server on 127.0.0.1, which production refuses (SPEC §8).
  tb = await startTestInstance({ extraEnv: { OIDC_ALLOW_PRIVATE_TARGETS: 'true' } });
  for (const isolation of ISOLATIONS) {
    for (const side of ['a', 'b']) {
      const id = `oidc-${isolation}-${side}`;
      await tb.createTenant({ id, isolation });
      owners[id] = await tb.login(`owner@${id}.test`, 'owner-password-1', id);
    }
  }
});
afterAll(async () => {
  await tb?.destroy();
  await new Promise((resolve) => jwks?.close(resolve));
});

interface Signed {
  iss: string;
  sub?: string;
  claims?: JWTPayload;
  key?: Key;
  alg?: string;
  kid?: string;
  aud?: string;
  exp?: string | number;
}

function sign({
  iss,
  sub = 'alice',
  claims = {},
  key = rsa,
  alg = 'RS256',
  kid,
  aud = AUDIENCE,
  exp = '5m',
}: Signed) {
  return new SignJWT(claims)
    .setProtectedHeader({ alg, kid: kid ?? (alg === 'ES256' ? 'ec-1' : 'rsa-1'), typ: 'JWT' })
    .setIssuer(iss)
    .setSubject(sub)
    .setAudience(aud)
    .setIssuedAt()
    .setExpirationTime(exp)
    .sign(key);
}

describe.each(ISOLATIONS)('external identity provider in %s isolation', (isolation) => {
  const a = `oidc-${isolation}-a`;
  const b = `oidc-${isolation}-b`;
  // The JWKS server's port is known only once beforeAll ran.
  let iss = '';
  beforeAll(() => {
    iss = issuerOf(isolation);
  });
  const token = (sub: string, claims: JWTPayload, extra: Partial<Signed> = {}) =>
    sign({ iss, sub, claims: { org: a, ...claims }, ...extra });

  it('the owner configures it and a token of that issuer signs in as one user per (iss, sub)', async () => {
    const put = await api(tb, owners[a]!, 'PUT', `/tenants/${a}/oidc`, {
      payload: {
        issuer: iss,
        jwks_url: `${iss}/jwks`,
        audience: AUDIENCE,
        tenant_claim: 'org',
        role_mapping: { engineers: 'member', readers: 'viewer' },
        enabled: true,
      },
    });
    expect(put.statusCode, put.body).toBe(200);
    expect(put.json().data).toMatchObject({ issuer: iss, tenant_claim_value: a, default_role: null });
    const got = await api(tb, owners[a]!, 'GET', `/tenants/${a}/oidc`);
    expect(got.json().data).toEqual(put.json().data);

    const first = await token('alice', { email: 'Alice@corp.test', roles: ['engineers'] });
    const me = await api(tb, first, 'GET', '/auth/me');
    expect(me.statusCode, me.body).toBe(200);
    expect(me.json().data).toMatchObject({
      kind: 'tenant_user',
      tenant_id: a,
      user: { email: 'alice@corp.test', roles: ['member'] },
    });
    const userId = me.json().data.user.id;
    const list = await api(tb, first, 'GET', '/deployments');
    expect(list.statusCode).toBe(200);
    expect(list.headers['x-tenant-id']).toBe(a);
    const write = await api(tb, first, 'POST', '/deployments', { payload: { project_name: 'sso' } });
    expect(write.statusCode, write.body).toBe(201);

    // Same subject, new email, other key type: the same user, whose address follows the provider.
    const second = await token(
      'alice',
      { email: 'alice.new@corp.test', roles: ['engineers'] },
      { key: ec, alg: 'ES256' },
    );
    const again = await api(tb, second, 'GET', '/auth/me');
    expect(again.statusCode, again.body).toBe(200);
    expect(again.json().data.user).toMatchObject({ id: userId, email: 'alice.new@corp.test' });
    const users = (await api(tb, owners[a]!, 'GET', '/users', { query: { per_page: '100' } })).json().data;
    expect(users.filter((u: { email: string }) => u.email.includes('alice'))).toHaveLength(1);

    const audit = await api(tb, owners[a]!, 'GET', '/audit', {
      query: { action: 'user.create', target_id: userId },
    });
    expect(audit.json().data).toHaveLength(1);
    expect(audit.json().data[0]).toMatchObject({ actor_type: 'tenant_user', actor_id: userId });
    expect(audit.json().data[0].after).toMatchObject({ issuer: iss, subject: 'alice', roles: ['member'] });

    // a provider's user cannot pick up a local password that would outlive their offboarding
    const forgot = await tb.app.inject({
      method: 'POST',
      url: '/api/v1/auth/forgot-password',
      payload: { email: 'alice.new@corp.test', tenant_id: a },
    });
    expect(forgot.statusCode).toBe(202);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await mailsTo(tb, 'alice.new@corp.test')).toEqual([]);
  });

  it('never takes over an account by its email, and a user without email gets a placeholder', async () => {
    const ownerEmail = `owner@${a}.test`;
    const taker = await token('mallory', { email: ownerEmail.toUpperCase(), roles: ['engineers'] });
    const refused = await api(tb, taker, 'GET', '/auth/me');
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.code).toBe('CONFLICT');
    // Nor by changing the email of an identity that is already linked.
    const linked = await token('alice', { email: ownerEmail, roles: ['engineers'] });
    const alice = await api(tb, linked, 'GET', '/auth/me');
    expect(alice.json().data.user.email).toBe('alice.new@corp.test');
    const owner = await api(tb, owners[a]!, 'GET', '/auth/me');
    expect(owner.json().data.user).toMatchObject({ email: ownerEmail, roles: ['owner'] });

    const anonymous = await token('no-mail', {
      email: 'x@corp.test',
      email_verified: false,
      roles: ['readers'],
    });
    const placeholder = await api(tb, anonymous, 'GET', '/auth/me');
    expect(placeholder.json().data.user.email).toMatch(/^[0-9a-f]{32}@oidc\.invalid$/);
  });

  it('maps roles on every sign-in: a viewer cannot write until the provider says otherwise', async () => {
    const viewer = await token('val', { roles: ['readers'] });
    expect((await api(tb, viewer, 'GET', '/deployments')).statusCode).toBe(200);
    const write = await api(tb, viewer, 'POST', '/deployments', { payload: { project_name: 'no' } });
    expect(write.statusCode).toBe(403);
    expect(write.json().error.code).toBe('FORBIDDEN');
    const promoted = await token('val', { groups: ['engineers'] });
    const allowed = await api(tb, promoted, 'POST', '/deployments', { payload: { project_name: 'yes' } });
    expect(allowed.statusCode, allowed.body).toBe(201);
    const unmapped = await token('nobody', { roles: ['owner', 'strangers'] });
    expect((await api(tb, unmapped, 'GET', '/deployments')).statusCode).toBe(403);
  });

  it("an issuer's token acts in its own tenant only", async () => {
    const own = await token('alice', { roles: ['engineers'] });
    const cross = await api(tb, own, 'GET', '/deployments', { headers: { 'x-tenant-id': b } });
    expect(cross.statusCode).toBe(403);
    expect(cross.json().error.code).toBe('TENANT_MISMATCH');
    const claimsB = await token('alice', { org: b, roles: ['engineers'] });
    expect((await api(tb, claimsB, 'GET', '/deployments')).statusCode).toBe(401);
  });

  it('refuses wrong audience, expiry, unknown kid, HS256, none, keys not in the JWKS and unknown issuers', async () => {
    const claims = { org: a, roles: ['engineers'] };
    const forged = [
      await sign({ iss, claims, aud: 'someone-else' }),
      await sign({ iss, claims, exp: Math.floor(Date.now() / 1000) - 120 }),
      await sign({ iss, claims, kid: 'rsa-unknown' }),
      await sign({ iss, claims, key: rogue }),
      await sign({
        iss,
        claims,
        alg: 'HS256',
        key: new TextEncoder().encode('a'.repeat(32)) as unknown as Key,
      }),
      new UnsecuredJWT(claims)
        .setIssuer(iss)
        .setSubject('alice')
        .setAudience(AUDIENCE)
        .setExpirationTime('5m')
        .encode(),
      await sign({ iss: `${base}/idp-nowhere`, claims }),
    ];
    for (const [i, forgery] of forged.entries()) {
      const response = await api(tb, forgery, 'GET', '/deployments');
      expect(response.statusCode, `forgery ${i}`).toBe(401);
      expect(response.json().error.code).toBe('UNAUTHENTICATED');
    }
  });

  it('keeps the configuration to the owner of that tenant, and one issuer to one tenant', async () => {
    const body = { issuer: iss, jwks_url: `${iss}/jwks`, audience: AUDIENCE, enabled: true };
    const taken = await api(tb, owners[b]!, 'PUT', `/tenants/${b}/oidc`, { payload: body });
    expect(taken.statusCode).toBe(409);
    expect(taken.json().error.code).toBe('CONFLICT');
    expect(taken.body).not.toContain(a);

    const made = await api(tb, owners[a]!, 'POST', '/users', {
      payload: { email: `admin@${a}.test`, role: 'admin', password: 'admin-password-1' },
    });
    expect(made.statusCode, made.body).toBe(201);
    const admin = await tb.login(`admin@${a}.test`, 'admin-password-1', a);
    const byAdmin = await api(tb, admin, 'PUT', `/tenants/${a}/oidc`, { payload: body });
    expect(byAdmin.statusCode).toBe(403);
    expect(byAdmin.json().error.code).toBe('FORBIDDEN');
    expect((await api(tb, admin, 'GET', `/tenants/${a}/oidc`)).statusCode).toBe(403);

    const foreign = await api(tb, owners[b]!, 'GET', `/tenants/${a}/oidc`);
    expect(foreign.statusCode).toBe(403);
    expect(foreign.json().error.code).toBe('TENANT_MISMATCH');
    const byPlatform = await api(tb, await tb.adminToken(), 'GET', `/tenants/${a}/oidc`);
    expect(byPlatform.json().data.issuer).toBe(iss);
    expect((await api(tb, owners[b]!, 'GET', `/tenants/${b}/oidc`)).statusCode).toBe(404);
  });
});

describe('OIDC configuration', () => {
  const tenant = 'oidc-pool-b';
  const put = (payload: object) => api(tb, owners[tenant]!, 'PUT', `/tenants/${tenant}/oidc`, { payload });

  it('refuses insecure URLs and unknown roles', async () => {
    const good = {
      issuer: `${base}/idp-b`,
      jwks_url: `${base}/idp-b/jwks`,
      audience: AUDIENCE,
      enabled: true,
    };
    for (const bad of [
      { ...good, issuer: 'http://idp.example.test' },
      { ...good, jwks_url: 'http://idp.example.test/jwks' },
      { ...good, issuer: 'https://user:pw@idp.example.test' },
      { ...good, issuer: 'https://idp.example.test/?tenant=x' },
      { ...good, role_mapping: { x: 'no-such-role' } },
      { ...good, default_role: 'no-such-role' },
    ]) {
      const response = await put(bad);
      expect(response.statusCode, JSON.stringify(bad)).toBe(400);
      expect(response.json().error.code).toBe('VALIDATION_FAILED');
    }
  });

  it('a disabled provider signs nobody in', async () => {
    const iss = `${base}/idp-b`;
    const config = { issuer: iss, jwks_url: `${iss}/jwks`, audience: AUDIENCE, default_role: 'viewer' };
    expect((await put({ ...config, enabled: true })).statusCode).toBe(200);
    expect((await api(tb, await sign({ iss }), 'GET', '/deployments')).statusCode).toBe(200);
    expect((await put({ ...config, enabled: false })).statusCode).toBe(200);
    expect((await api(tb, await sign({ iss }), 'GET', '/deployments')).statusCode).toBe(401);
  });

  it('a disabled user stays out, and a full tenant admits no new user', async () => {
    const iss = `${base}/idp-b`;
    await put({
      issuer: iss,
      jwks_url: `${iss}/jwks`,
      audience: AUDIENCE,
      default_role: 'viewer',
      enabled: true,
    });
    const me = await api(tb, await sign({ iss, sub: 'leaver' }), 'GET', '/auth/me');
    const disabled = await api(tb, owners[tenant]!, 'PATCH', `/users/${me.json().data.user.id}`, {
      payload: { status: 'disabled' },
    });
    expect(disabled.statusCode, disabled.body).toBe(200);
    expect((await api(tb, await sign({ iss, sub: 'leaver' }), 'GET', '/auth/me')).statusCode).toBe(401);

    const { seats } = await tb.services.tenancy.withTenant(
      (await tb.services.tenancy.registry.load(tenant as TenantId))!,
      (scope) =>
        scope.db
          .selectFrom('users')
          .select((eb) => eb.fn.countAll<string>().as('seats'))
          .where('tenant_id', '=', scope.tenantId)
          .executeTakeFirstOrThrow(),
    );
    await setLimitOverrides(tb, tenant, { max_users: Number(seats) });
    const full = await api(tb, await sign({ iss, sub: 'newcomer' }), 'GET', '/auth/me');
    expect(full.statusCode).toBe(403);
    expect(full.json().error.code).toBe('LIMIT_EXCEEDED');
    await setLimitOverrides(tb, tenant, {});
  });
});
