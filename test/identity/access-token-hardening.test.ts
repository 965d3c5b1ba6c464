import { createHmac, randomUUID } from 'node:crypto';
import { exportJWK, generateKeyPair, importJWK, type JWTPayload, SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TOKEN_AUDIENCE, TOKEN_ISSUER } from '../../src/identity/access-tokens.js';
import { ownerPlatformDb } from '../../src/db/owner-platform-db.js';
import { rotateSigningKey } from '../../src/identity/rotate-signing-key.js';
import { openPrivateJwk } from '../../src/identity/signing-key-rows.js';
import { SigningKeys } from '../../src/identity/signing-keys.js';
import { ADMIN, startTestInstance, type TestInstance } from '../support/test-instance.js';
import { me } from './auth-calls.js';

let tb: TestInstance;
let adminId: string;
const now = () => Math.floor(Date.now() / 1000);
type SigningKey = Parameters<SignJWT['sign']>[0];
const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

beforeAll(async () => {
  tb = await startTestInstance();
  const admin = await tb.services.tenancy.platformDb
    .selectFrom('platform.platform_admins')
    .select('id')
    .where('email', '=', ADMIN.email)
    .executeTakeFirstOrThrow();
  adminId = admin.id;
});
afterAll(async () => {
  await tb?.destroy();
});

/** A well-formed administrator token, signed by the server's real current key unless told otherwise. */
function forge(
  claims: JWTPayload = {},
  header: Record<string, unknown> = {},
  key: { kid: string; key: SigningKey } = tb.services.keys.signingKey(),
) {
  const payload = {
    sub: adminId,
    roles: ['platform_admin'],
    iss: TOKEN_ISSUER,
    aud: TOKEN_AUDIENCE,
    iat: now(),
    exp: now() + 300,
    jti: randomUUID(),
    ...claims,
  };
  return new SignJWT(payload)
    .setProtectedHeader({ alg: 'EdDSA', kid: key.kid, typ: 'JWT', ...header })
    .sign(key.key);
}

async function expectRefused(token: string): Promise<void> {
  const response = await me(tb, token);
  expect(response.statusCode, response.body).toBe(401);
  expect(response.json().error.code).toBe('UNAUTHENTICATED');
}

describe('access token verification', () => {
  it('accepts the control: a token forged here with the real key and every claim right', async () => {
    expect((await me(tb, await forge())).statusCode).toBe(200);
  });

  it('refuses alg "none"', async () => {
    const { kid } = tb.services.keys.signingKey();
    const payload = { sub: adminId, roles: ['platform_admin'], iss: TOKEN_ISSUER, aud: TOKEN_AUDIENCE };
    const claims = { ...payload, iat: now(), exp: now() + 300, jti: randomUUID() };
    await expectRefused(`${b64({ alg: 'none', kid, typ: 'JWT' })}.${b64(claims)}.`);
    await expectRefused(`${b64({ alg: 'none', typ: 'JWT' })}.${b64(claims)}.`);
  });

  it('refuses HS256 signed with the public key as the HMAC secret (algorithm confusion)', async () => {
    const { kid } = tb.services.keys.signingKey();
    const jwk = tb.services.keys.jwks().keys.find((key) => key.kid === kid)!;
    const claims = {
      sub: adminId,
      roles: ['platform_admin'],
      iss: TOKEN_ISSUER,
      aud: TOKEN_AUDIENCE,
      iat: now(),
      exp: now() + 300,
      jti: randomUUID(),
    };
    const input = `${b64({ alg: 'HS256', kid, typ: 'JWT' })}.${b64(claims)}`;
    for (const secret of [Buffer.from(jwk.x!, 'base64url'), Buffer.from(JSON.stringify(jwk))]) {
      const signature = createHmac('sha256', secret).update(input).digest('base64url');
      await expectRefused(`${input}.${signature}`);
    }
  });

  it('refuses an unknown kid, and a known kid over a signature of another key', async () => {
    const { privateKey } = await generateKeyPair('EdDSA', { crv: 'Ed25519' });
    await expectRefused(await forge({}, {}, { kid: randomUUID(), key: privateKey }));
    await expectRefused(await forge({}, {}, { kid: tb.services.keys.signingKey().kid, key: privateKey }));
  });

  it('refuses keys carried in the header: jwk, jku, x5u, x5c', async () => {
    const { publicKey, privateKey } = await generateKeyPair('EdDSA', { crv: 'Ed25519', extractable: true });
    const attacker = await exportJWK(publicKey);
    const kid = tb.services.keys.signingKey().kid;
    await expectRefused(await forge({}, { jwk: attacker }, { kid, key: privateKey }));
    for (const header of [
      { jwk: attacker },
      { jku: 'http://127.0.0.1:1/jwks.json' },
      { x5u: 'http://127.0.0.1:1/cert.pem' },
      { x5c: ['MIIB'] },
    ]) {
      // Even with the real key's signature: the header alone is reason enough.
      await expectRefused(await forge({}, header));
    }
  });

  it('refuses an expired token and one not yet valid (nbf or iat in the future)', async () => {
    await expectRefused(await forge({ iat: now() - 3600, exp: now() - 60 }));
    await expectRefused(await forge({ nbf: now() + 600 }));
    await expectRefused(await forge({ iat: now() + 600, exp: now() + 900 }));
    // A token living longer than the configured lifetime is not one we issued.
    await expectRefused(await forge({ iat: now() - 2 * 3600, exp: now() + 3600 }));
  });

  it('refuses a wrong audience or issuer, and a token without exp or jti', async () => {
    await expectRefused(await forge({ aud: 'someone-else' }));
    await expectRefused(await forge({ iss: 'https://evil.example' }));
    const { kid, key } = tb.services.keys.signingKey();
    const bare = await new SignJWT({ roles: ['platform_admin'] })
      .setProtectedHeader({ alg: 'EdDSA', kid })
      .setSubject(adminId)
      .setIssuer(TOKEN_ISSUER)
      .setAudience(TOKEN_AUDIENCE)
      .setIssuedAt()
      .sign(key);
    await expectRefused(bare);
  });

  it('refuses a tampered payload and garbage', async () => {
    const token = await forge();
    const [header, , signature] = token.split('.');
    const escalated = b64({ sub: randomUUID(), roles: ['platform_admin'], iss: TOKEN_ISSUER });
    await expectRefused(`${header}.${escalated}.${signature}`);
    await expectRefused('not-a-token');
  });
});

describe('signing key rotation', () => {
  it('publishes the new key in JWKS before it signs, and old tokens verify until they expire', async () => {
    const keys = tb.services.keys;
    const before = keys.signingKey().kid;
    const oldToken = await tb.login(ADMIN.email, ADMIN.password);

    const result = await keys.rotate({ graceSeconds: 2 });
    expect(result.signingKid).toBe(before);
    const jwks = await tb.app.inject({ url: '/.well-known/jwks.json' });
    expect(jwks.json().keys.map((k: { kid: string }) => k.kid)).toEqual(
      expect.arrayContaining([before, result.kid]),
    );
    // Announced, not yet signing.
    expect(keys.signingKey().kid).toBe(before);
    const duringGrace = await tb.login(ADMIN.email, ADMIN.password);
    expect(JSON.parse(Buffer.from(duringGrace.split('.')[0]!, 'base64url').toString()).kid).toBe(before);

    await new Promise((resolve) => setTimeout(resolve, 2100));
    expect(keys.signingKey().kid).toBe(result.kid);
    const afterGrace = await tb.login(ADMIN.email, ADMIN.password);
    expect(JSON.parse(Buffer.from(afterGrace.split('.')[0]!, 'base64url').toString()).kid).toBe(result.kid);
    for (const token of [oldToken, duringGrace, afterGrace])
      expect((await me(tb, token)).statusCode).toBe(200);
  });

  it('the next rotation retires the superseded key: it verifies for the retention time, then is gone', async () => {
    // Signing keys are the owner's: the application role cannot read them.
    const db = ownerPlatformDb(tb.services.tenancy.adminPool);
    // A second process with a short retention sees what the CLI does to the shared keys.
    const other = new SigningKeys(db, tb.services.tenancy.endpoints.secrets, {
      retainRetiredSeconds: 1,
      reloadMs: 0,
    });
    await other.init();
    const signer = other.signingKey().kid;
    const olderKids = other
      .jwks()
      .keys.map((key) => key.kid!)
      .filter((kid) => kid !== signer);
    const oldToken = await forge({}, {}, { kid: olderKids[0]!, key: await privateKeyOf(olderKids[0]!) });

    const result = await rotateSigningKey(db, tb.services.tenancy.endpoints.secrets, {
      graceSeconds: 0,
      retainRetiredSeconds: 1,
    });
    expect(result.retired).toEqual(olderKids);
    const retiredRow = await db
      .selectFrom('platform.signing_keys')
      .select(['retired_at', 'private_jwk'])
      .where('kid', '=', olderKids[0]!)
      .executeTakeFirstOrThrow();
    expect(retiredRow.retired_at).not.toBeNull();
    expect(retiredRow.private_jwk).toEqual({}); // the private half is erased at retirement

    await other.refreshIfStale();
    expect(other.signingKey().kid).toBe(result.kid);
    expect(await other.verificationKey(olderKids[0]!)).toBeDefined();
    await new Promise((resolve) => setTimeout(resolve, 1100));
    expect(await other.verificationKey(olderKids[0]!)).toBeUndefined();
    expect(other.jwks().keys.map((k) => k.kid)).not.toContain(olderKids[0]);
    // The server keeps retired keys for a day (the longest token lifetime), so the token still works there.
    expect((await me(tb, oldToken)).statusCode).toBe(200);

    const purge = await rotateSigningKey(db, tb.services.tenancy.endpoints.secrets, {
      graceSeconds: 0,
      retainRetiredSeconds: 1,
    });
    expect(purge.purged).toContain(olderKids[0]);
  });
});

async function privateKeyOf(kid: string): Promise<SigningKey> {
  const row = await ownerPlatformDb(tb.services.tenancy.adminPool)
    .selectFrom('platform.signing_keys')
    .select('private_jwk')
    .where('kid', '=', kid)
    .executeTakeFirstOrThrow();
  return importJWK(openPrivateJwk(tb.services.tenancy.endpoints.secrets, kid, row.private_jwk), 'EdDSA');
}
