import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, TIER_OF } from '../support/identity-api.js';
import { tokenIn, waitForMail } from '../support/outbox.js';
import { ISOLATIONS, startTestInstance, type TestInstance } from '../support/test-instance.js';

// SPEC §5: a header, host or query naming another tenant than the one a request acts for is 403
// TENANT_MISMATCH. On the routes whose credential is a token in the body (mailed links, refresh
// and logout) or whose body names a new tenant (signup), that tenant is the token's or the body's.
const BASE_DOMAIN = 'body-token.test';
let tb: TestInstance;
let nextAddress = 1;
/** Each call from its own address, so the per-address limits of these public routes stay out of it. */
const address = () => `198.51.${100 + Math.floor(nextAddress / 250)}.${(nextAddress++ % 250) + 1}`;

beforeAll(async () => {
  tb = await startTestInstance({ extraEnv: { BASE_DOMAIN } });
  for (const isolation of ISOLATIONS) {
    for (const side of ['a', 'b']) {
      await tb.createTenant({ id: `bt-${isolation}-${side}`, isolation, tier: TIER_OF[isolation] });
    }
  }
}, 180_000);
afterAll(async () => {
  await tb?.destroy();
});

/** Every way a request can name `other` besides its token: header, host and query. */
const elsewhere = (other: string) => [
  { headers: { 'x-tenant-id': other } },
  { headers: { host: `${other}.${BASE_DOMAIN}` } },
  { query: { tenant_id: other } },
  { query: { tenant_id: 'nope-zzz' } },
];

function post(path: string, payload: object, how: { headers?: object; query?: object } = {}) {
  return tb.app.inject({
    method: 'POST',
    url: `/api/v1${path}`,
    payload,
    remoteAddress: address(),
    headers: { ...how.headers },
    ...(how.query ? { query: how.query as Record<string, string> } : {}),
  });
}

function expectMismatch(response: LightMyRequestResponse, label: string) {
  expect(response.statusCode, `${label}: ${response.body}`).toBe(403);
  expect(response.json().error.code, label).toBe('TENANT_MISMATCH');
}

describe.for(ISOLATIONS)('routes authorised by a token in the body, %s isolation', (isolation) => {
  const a = `bt-${isolation}-a`;
  const b = `bt-${isolation}-b`;
  const owner = `owner@${a}.test`;

  it('reset-password refuses another tenant named beside an a-token, and resets nothing', async () => {
    const ownerA = await tb.login(owner, 'owner-password-1', a);
    const person = `reset-${isolation}@people.test`;
    const added = await api(tb, ownerA, 'POST', '/users', {
      payload: { email: person, role: 'viewer', password: 'person-password-1' },
    });
    expect(added.statusCode, added.body).toBe(201);
    const forgot = await post('/auth/forgot-password', { email: person, tenant_id: a });
    expect(forgot.statusCode).toBe(202);
    const token = tokenIn(await waitForMail(tb, person, 'password_reset'));
    for (const how of elsewhere(b)) {
      const response = await post('/auth/reset-password', { token, password: 'taken-over-1' }, how);
      expectMismatch(response, JSON.stringify(how));
    }
    expect(await tb.login(person, 'person-password-1', a)).toBeTruthy();

    const same = await post(
      '/auth/reset-password',
      { token, password: 'person-password-2' },
      {
        headers: { 'x-tenant-id': a, host: `${a}.${BASE_DOMAIN}` },
      },
    );
    expect(same.statusCode, same.body).toBe(200);
    expect(await tb.login(person, 'person-password-2', a)).toBeTruthy();
  });

  it('accept-invite refuses another tenant named beside a b-token; the invitation stays open', async () => {
    const ownerB = await tb.login(`owner@${b}.test`, 'owner-password-1', b);
    const invitee = `invitee-${isolation}@people.test`;
    const invited = await api(tb, ownerB, 'POST', '/users', { payload: { email: invitee, role: 'member' } });
    expect(invited.statusCode, invited.body).toBe(201);
    const token = tokenIn(await waitForMail(tb, invitee, 'invitation'));
    for (const how of elsewhere(a)) {
      const response = await post('/auth/accept-invite', { token, password: 'invitee-password-1' }, how);
      expectMismatch(response, JSON.stringify(how));
    }
    const still = await api(tb, ownerB, 'GET', `/users/${invited.json().data.id}`);
    expect(still.json().data.status).toBe('invited');

    const accepted = await post(
      '/auth/accept-invite',
      { token, password: 'invitee-password-1' },
      {
        headers: { 'x-tenant-id': b },
      },
    );
    expect(accepted.statusCode, accepted.body).toBe(200);
    expect(accepted.json().data).toMatchObject({ email: invitee, tenant_id: b });
  });

  it('verify-email refuses another tenant named beside an a-token; the address stays unverified', async () => {
    const ownerA = await tb.login(owner, 'owner-password-1', a);
    const person = `verify-${isolation}@people.test`;
    const added = await api(tb, ownerA, 'POST', '/users', {
      payload: { email: person, role: 'viewer', password: 'person-password-1' },
    });
    expect(added.statusCode, added.body).toBe(201);
    const token = tokenIn(await waitForMail(tb, person, 'email_verification'));
    for (const how of elsewhere(b))
      expectMismatch(await post('/auth/verify-email', { token }, how), 'verify');
    const still = await api(tb, ownerA, 'GET', `/users/${added.json().data.id}`);
    expect(still.json().data.email_verified_at).toBeNull();

    const verified = await post('/auth/verify-email', { token }, { query: { tenant_id: a } });
    expect(verified.statusCode, verified.body).toBe(200);
  });

  it('refresh and logout refuse another tenant named beside an a-session, which goes on', async () => {
    const login = await post('/auth/login', {
      email: owner,
      password: 'owner-password-1',
      tenant_id: a,
    });
    const refreshToken = login.json().data.refresh_token as string;
    for (const how of elsewhere(b)) {
      expectMismatch(await post('/auth/logout', { refresh_token: refreshToken }, how), 'logout');
      expectMismatch(await post('/auth/refresh', { refresh_token: refreshToken }, how), 'refresh');
    }
    const refreshed = await post('/auth/refresh', { refresh_token: refreshToken });
    expect(refreshed.statusCode, refreshed.body).toBe(200);
    const next = refreshed.json().data.refresh_token as string;
    const out = await post('/auth/logout', { refresh_token: next }, { headers: { 'x-tenant-id': a } });
    expect(out.statusCode).toBe(204);
    expect((await post('/auth/refresh', { refresh_token: next })).statusCode).toBe(401);
  });
});

describe('signup and its verification link', () => {
  const existing = `bt-pool-b`;

  it('refuses a header, host or query naming another tenant than the body, and files nothing', async () => {
    const body = (id: string) => ({
      tenant_id: id,
      company_name: 'New One',
      email: `founder@${id}.test`,
      password: 'signer-password-1',
    });
    for (const how of elsewhere(existing)) {
      expectMismatch(await post('/auth/signup', body('new-one'), how), JSON.stringify(how));
    }
    const filed = await tb.services.tenancy.platformDb
      .selectFrom('platform.signups')
      .select('tenant_id')
      .where('tenant_id', '=', 'new-one')
      .execute();
    expect(filed).toEqual([]);

    const same = await post('/auth/signup', body('new-one'), { headers: { 'x-tenant-id': 'new-one' } });
    expect(same.statusCode, same.body).toBe(202);
    const token = tokenIn(await waitForMail(tb, 'founder@new-one.test', 'signup_verification', 1, 30_000));

    for (const how of elsewhere(existing)) {
      expectMismatch(await post('/auth/verify-email', { token }, how), `verify ${JSON.stringify(how)}`);
    }
    expect(await tb.services.tenancy.registry.load('new-one' as never)).toBeFalsy();

    const verified = await post('/auth/verify-email', { token }, { headers: { 'x-tenant-id': 'new-one' } });
    expect(verified.statusCode, verified.body).toBe(202);
    expect(verified.json().data).toEqual({ tenant_id: 'new-one', status: 'provisioning' });
  });
});
