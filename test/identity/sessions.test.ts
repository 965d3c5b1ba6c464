import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  findRefreshToken,
  purgeExpiredRefreshTokens,
  revokeRefreshTokensOf,
} from '../../src/identity/refresh-tokens.js';
import type { TenantId } from '../../src/tenancy/tenant-id.js';
import type { TenantScope } from '../../src/tenancy/tenant-scope.js';
import { ADMIN, ISOLATIONS, startTestInstance, type TestInstance } from '../support/test-instance.js';
import { claimsOf, loginCall, me, post, refreshCall, session } from './auth-calls.js';

// The same email is the first owner of every tenant here, each with its own password.
const EMAIL = 'same@example.com';
const passwordOf = (tenantId: string) => `password-of-${tenantId}`;
const tenantOf = (isolation: string) => `ses-${isolation}`;

let tb: TestInstance;

beforeAll(async () => {
  tb = await startTestInstance();
  await Promise.all(
    ISOLATIONS.map((isolation) =>
      tb.createTenant({
        id: tenantOf(isolation),
        isolation,
        admin_email: EMAIL,
        admin_password: passwordOf(tenantOf(isolation)),
      }),
    ),
  );
});
afterAll(async () => {
  await tb?.destroy();
});

async function inStorage<T>(tenantId: string, work: (scope: TenantScope) => Promise<T>): Promise<T> {
  const tenant = (await tb.services.tenancy.registry.load(tenantId as TenantId))!;
  return tb.services.tenancy.withTenant(tenant, work);
}

const signIn = (tenantId: string) =>
  session(tb, { email: EMAIL, password: passwordOf(tenantId), tenant_id: tenantId });

async function setTenantStatus(tenantId: string, status: string): Promise<void> {
  await tb.services.tenancy.platformDb
    .updateTable('platform.tenants')
    .set({ status, updated_at: sql<Date>`now()` })
    .where('id', '=', tenantId)
    .execute();
  tb.services.tenancy.registry.invalidate(tenantId as TenantId);
}

describe.for(ISOLATIONS)('sessions in %s isolation', (isolation) => {
  const tenantId = tenantOf(isolation);

  it('login returns an opaque refresh token that is stored only as its SHA-256', async () => {
    const first = await signIn(tenantId);
    expect(first.refresh_token).toMatch(/^[A-Za-z0-9_-]{43}$/); // 32 random bytes
    const rows = await tb.services.tenancy.platformDb
      .selectFrom('platform.refresh_tokens')
      .selectAll()
      .where('tenant_id', '=', tenantId)
      .execute();
    const digest = createHash('sha256').update(first.refresh_token!).digest('hex');
    expect(rows.map((row) => row.token_hash)).toContain(digest);
    expect(JSON.stringify(rows)).not.toContain(first.refresh_token);
    const row = rows.find((r) => r.token_hash === digest)!;
    expect(row).toMatchObject({
      kind: 'tenant_user',
      subject: first.user.id,
      used_at: null,
      revoked_at: null,
    });
    expect(row.expires_at.getTime() - Date.now()).toBeGreaterThan(29 * 86400_000);
  });

  it('refresh rotates the token, and reusing a spent one revokes the whole family', async () => {
    const first = await signIn(tenantId);
    const rotated = await refreshCall(tb, first.refresh_token!);
    expect(rotated.statusCode).toBe(200);
    const next = rotated.json();
    expect(next).toMatchObject({ success: true, tenant_id: tenantId, data: { token_type: 'Bearer' } });
    expect(rotated.headers['x-tenant-id']).toBe(tenantId);
    expect(next.data.refresh_token).not.toBe(first.refresh_token);
    expect((await me(tb, next.data.access_token)).json().data.user.id).toBe(first.user.id);

    const reused = await refreshCall(tb, first.refresh_token!);
    expect(reused.statusCode).toBe(401);
    expect(reused.json().error.code).toBe('UNAUTHENTICATED');
    // The thief or the victim, whoever comes second, ends the session for both.
    expect((await refreshCall(tb, next.data.refresh_token)).statusCode).toBe(401);
  });

  it('two concurrent refreshes with one token: exactly one wins, then the family is revoked', async () => {
    const first = await signIn(tenantId);
    const answers = await Promise.all([
      refreshCall(tb, first.refresh_token!),
      refreshCall(tb, first.refresh_token!),
    ]);
    expect(answers.map((a) => a.statusCode).sort()).toEqual([200, 401]);
    const winner = answers.find((a) => a.statusCode === 200)!.json().data;
    const after = await refreshCall(tb, winner.refresh_token);
    expect(after.statusCode).toBe(401);
  });

  it('a refresh re-reads roles and refuses a disabled user', async () => {
    const first = await signIn(tenantId);
    expect(first.user.roles).toEqual(['owner']);
    await inStorage(tenantId, (scope) =>
      scope.db
        .insertInto('user_roles')
        .values({ tenant_id: scope.tenantId, user_id: first.user.id, role: 'viewer' })
        .execute(),
    );
    const widened = await refreshCall(tb, first.refresh_token!);
    expect(widened.json().data.user.roles).toEqual(['owner', 'viewer']);
    expect(claimsOf(widened.json().data.access_token).roles).toEqual(['owner', 'viewer']);
    await inStorage(tenantId, (scope) =>
      scope.db
        .deleteFrom('user_roles')
        .where('tenant_id', '=', scope.tenantId)
        .where('user_id', '=', first.user.id)
        .where('role', '=', 'viewer')
        .execute(),
    );

    const setStatus = (status: string) =>
      inStorage(tenantId, (scope) =>
        scope.db
          .updateTable('users')
          .set({ status })
          .where('tenant_id', '=', scope.tenantId)
          .where('id', '=', first.user.id)
          .execute(),
      );
    await setStatus('disabled');
    try {
      const refused = await refreshCall(tb, widened.json().data.refresh_token);
      expect(refused.statusCode).toBe(401);
    } finally {
      await setStatus('active');
    }
    // The refusal ended the family: enabling the user again does not revive it.
    expect((await refreshCall(tb, widened.json().data.refresh_token)).statusCode).toBe(401);
  });

  it('a suspended tenant refuses the refresh without spending the token', async () => {
    const first = await signIn(tenantId);
    await setTenantStatus(tenantId, 'suspended');
    try {
      const refused = await refreshCall(tb, first.refresh_token!);
      expect(refused.statusCode).toBe(403);
      expect(refused.json().error.code).toBe('TENANT_SUSPENDED');
    } finally {
      await setTenantStatus(tenantId, 'active');
    }
    expect((await refreshCall(tb, first.refresh_token!)).statusCode).toBe(200);
  });

  it('logout revokes the family', async () => {
    const first = await signIn(tenantId);
    const rotated = (await refreshCall(tb, first.refresh_token!)).json().data;
    const out = await post(tb, '/api/v1/auth/logout', { refresh_token: first.refresh_token });
    expect(out.statusCode).toBe(204);
    expect((await refreshCall(tb, rotated.refresh_token)).statusCode).toBe(401);
    // Logging out twice (or with a token we never issued) is not an error.
    expect((await post(tb, '/api/v1/auth/logout', { refresh_token: 'nope' })).statusCode).toBe(204);
  });

  it('an expired refresh token is refused', async () => {
    const first = await signIn(tenantId);
    await tb.services.tenancy.platformDb
      .updateTable('platform.refresh_tokens')
      .set({ expires_at: new Date(Date.now() - 1000) })
      .where('token_hash', '=', createHash('sha256').update(first.refresh_token!).digest('hex'))
      .execute();
    expect((await refreshCall(tb, first.refresh_token!)).statusCode).toBe(401);
    expect(await purgeExpiredRefreshTokens(tb.services.tenancy.platformDb, 0)).toBeGreaterThanOrEqual(1);
    expect(await findRefreshToken(tb.services.tenancy.platformDb, first.refresh_token!)).toBeUndefined();
  });
});

describe('the same email in several tenants', () => {
  it('is a separate user in each: every tenant accepts only its own password', async () => {
    const ids = ISOLATIONS.map(tenantOf);
    const users = new Set<string>();
    for (const id of ids) {
      const own = await signIn(id);
      expect(own.tenant_id).toBe(id);
      expect(claimsOf(own.access_token).tenant_id).toBe(id);
      users.add(own.user.id);
      for (const other of ids.filter((o) => o !== id)) {
        const crossed = await loginCall(tb, { email: EMAIL, password: passwordOf(other), tenant_id: id });
        expect(crossed.statusCode).toBe(401);
      }
    }
    expect(users.size).toBe(ids.length);
  });

  it('a refresh naming another tenant is refused with TENANT_MISMATCH, and the token is not spent', async () => {
    const [a, b] = ISOLATIONS.map(tenantOf) as [string, string];
    const first = await signIn(a);
    for (const named of [b, 'no-such-tenant', 'NOT A SLUG']) {
      const crossed = await post(
        tb,
        '/api/v1/auth/refresh',
        { refresh_token: first.refresh_token },
        { headers: { 'x-tenant-id': named } },
      );
      expect(crossed.statusCode, named).toBe(403);
      expect(crossed.json().error.code).toBe('TENANT_MISMATCH');
      expect(crossed.body).not.toContain(a);
    }
    const byQuery = await tb.app.inject({
      method: 'POST',
      url: `/api/v1/auth/refresh?tenant_id=${b}`,
      payload: { refresh_token: first.refresh_token },
    });
    expect(byQuery.json().error.code).toBe('TENANT_MISMATCH');
    // Naming its own tenant is fine, and the refused attempts did not spend the token.
    const asked = await post(
      tb,
      '/api/v1/auth/refresh',
      { refresh_token: first.refresh_token },
      { headers: { 'x-tenant-id': a } },
    );
    expect(asked.statusCode).toBe(200);
    expect(asked.json().tenant_id).toBe(a);
    expect(claimsOf(asked.json().data.access_token).tenant_id).toBe(a);
    const withBody = await post(tb, '/api/v1/auth/refresh', {
      refresh_token: asked.json().data.refresh_token,
      tenant_id: b,
    });
    expect(withBody.statusCode).toBe(400);
    // The new token of tenant A is refused in tenant B.
    const crossed = await tb.app.inject({
      url: '/api/v1/auth/me',
      headers: { authorization: `Bearer ${asked.json().data.access_token}`, 'x-tenant-id': b },
    });
    expect(crossed.json().error.code).toBe('TENANT_MISMATCH');
  });
});

describe('platform administrator sessions', () => {
  it('an administrator may name any tenant on refresh, as on any request', async () => {
    const first = await session(tb, { email: ADMIN.email, password: ADMIN.password });
    const rotated = await post(
      tb,
      '/api/v1/auth/refresh',
      { refresh_token: first.refresh_token },
      { headers: { 'x-tenant-id': tenantOf('pool') } },
    );
    expect(rotated.statusCode).toBe(200);
  });

  it('refresh keeps the administrator without a tenant claim', async () => {
    const first = await session(tb, { email: ADMIN.email, password: ADMIN.password });
    expect(first.tenant_id).toBeNull();
    const rotated = await refreshCall(tb, first.refresh_token!);
    expect(rotated.statusCode).toBe(200);
    expect(rotated.json().tenant_id).toBeUndefined();
    const token = rotated.json().data.access_token;
    expect(claimsOf(token)).toMatchObject({ roles: ['platform_admin'] });
    expect(claimsOf(token).tenant_id).toBeUndefined();
    const list = await tb.app.inject({
      url: '/api/v1/tenants',
      headers: { authorization: `Bearer ${token}` },
    });
    expect(list.statusCode).toBe(200);
  });

  it('revokeRefreshTokensOf ends every session of one account, and only that account', async () => {
    const one = await session(tb, { email: ADMIN.email, password: ADMIN.password });
    const two = await session(tb, { email: ADMIN.email, password: ADMIN.password });
    const owner = await signIn(tenantOf('pool'));
    await revokeRefreshTokensOf(tb.services.tenancy.platformDb, { subject: one.user.id, tenantId: null });
    expect((await refreshCall(tb, one.refresh_token!)).statusCode).toBe(401);
    expect((await refreshCall(tb, two.refresh_token!)).statusCode).toBe(401);
    expect((await refreshCall(tb, owner.refresh_token!)).statusCode).toBe(200);
  });

  it('refuses refresh tokens that were never issued or are malformed', async () => {
    expect((await refreshCall(tb, 'x'.repeat(43))).statusCode).toBe(401);
    expect((await post(tb, '/api/v1/auth/refresh', {})).statusCode).toBe(400);
  });
});
