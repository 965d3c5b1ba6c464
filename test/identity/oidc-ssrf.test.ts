import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api } from '../support/identity-api.js';
import { startTestInstance, type TestInstance } from '../support/test-instance.js';

// Issue 10: a tenant owner could point jwks_url at loopback or a private network and make the
// server fetch it (blind SSRF). This instance runs with the production default.
const TENANT = 'ssrf-owner';
let tb: TestInstance;
let owner: string;
let local: Server;
let base: string;
const hits: string[] = [];
let privateKey: Awaited<ReturnType<typeof generateKeyPair>>['privateKey'];

beforeAll(async () => {
  const pair = await generateKeyPair('RS256');
  privateKey = pair.privateKey;
  const keys = [{ ...(await exportJWK(pair.publicKey)), kid: 'k1', alg: 'RS256', use: 'sig' }];
  local = createServer((request, response) => {
    hits.push(request.url ?? '');
    response.setHeader('content-type', 'application/json');
    response.end(JSON.stringify({ keys }));
  });
  await new Promise<void>((resolve) => local.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(local.address() as AddressInfo).port}`;
  tb = await startTestInstance();
  await tb.createTenant({ id: TENANT });
  owner = await tb.login(`owner@${TENANT}.test`, 'owner-password-1', TENANT);
});
afterAll(async () => {
  await tb?.destroy();
  await new Promise((resolve) => local?.close(resolve));
});

const put = (jwksUrl: string, issuer = 'https://idp.example.com') =>
  api(tb, owner, 'PUT', `/tenants/${TENANT}/oidc`, {
    payload: { issuer, jwks_url: jwksUrl, audience: 'aud', enabled: true },
  });

describe('OIDC provider URLs without OIDC_ALLOW_PRIVATE_TARGETS', () => {
  it.for([
    'https://10.0.0.1/jwks',
    'https://127.0.0.1/jwks',
    'https://127.1/jwks',
    'https://2130706433/jwks',
    'https://0x7f000001/jwks',
    'https://0177.0.0.1/jwks',
    'https://0.0.0.0/jwks',
    'https://0/jwks',
    'https://169.254.169.254/latest/meta-data',
    'https://172.16.5.4/jwks',
    'https://192.168.1.1/jwks',
    'https://100.64.0.1/jwks',
    'https://224.0.0.1/jwks',
    'https://255.255.255.255/jwks',
    'https://[::1]/jwks',
    'https://[::]/jwks',
    'https://[fd00::1]/jwks',
    'https://[fe80::1]/jwks',
    'https://[::ffff:127.0.0.1]/jwks',
    'https://[::ffff:a9fe:a9fe]/jwks',
    'https://[64:ff9b::a00:1]/jwks',
    'https://localhost/jwks',
    'https://LOCALHOST./jwks',
    'https://idp.localhost/jwks',
    'https://intranet/jwks',
    `${'http'}://idp.example.com/jwks`,
  ])('refuses jwks_url %s at save time', async (url) => {
    const response = await put(url);
    expect(response.statusCode, response.body).toBe(400);
    expect(response.json().error.code).toBe('VALIDATION_FAILED');
    expect(response.json().error.details[0].path).toBe('jwks_url');
  });

  it('refuses a private issuer and plain http to loopback', async () => {
    for (const issuer of ['https://10.1.2.3', `${base}/idp`]) {
      const response = await put('https://idp.example.com/jwks', issuer);
      expect(response.statusCode, `${issuer}: ${response.body}`).toBe(400);
      expect(response.json().error.details[0].path).toBe('issuer');
    }
  });

  it('accepts a public https provider', async () => {
    const response = await put('https://idp.example.com/.well-known/jwks.json');
    expect(response.statusCode, response.body).toBe(200);
  });

  it('never connects to a private JWKS URL already stored (saved before the check existed)', async () => {
    const issuer = 'https://legacy-idp.example.com';
    await tb.services.tenancy.platformDb
      .insertInto('platform.oidc_providers')
      .values({
        tenant_id: TENANT,
        issuer,
        jwks_url: `${base}/jwks`,
        audience: 'aud',
        tenant_claim: null,
        tenant_claim_value: null,
        roles_claim: null,
        role_mapping: '{}',
        default_role: 'viewer',
        enabled: true,
        created_at: new Date(),
        updated_at: new Date(),
      })
      .onConflict((oc) =>
        oc.column('tenant_id').doUpdateSet({ issuer, jwks_url: `${base}/jwks`, enabled: true }),
      )
      .execute();
    const token = await new SignJWT({})
      .setProtectedHeader({ alg: 'RS256', kid: 'k1' })
      .setIssuer(issuer)
      .setSubject('mallory')
      .setAudience('aud')
      .setExpirationTime('5m')
      .sign(privateKey);
    const before = hits.length;
    const response = await api(tb, token, 'GET', '/deployments');
    expect(response.statusCode, response.body).toBe(401);
    expect(response.json().error.code).toBe('UNAUTHENTICATED');
    expect(hits.length).toBe(before);
  });
});
