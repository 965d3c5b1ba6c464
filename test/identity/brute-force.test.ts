import type * as Argon2 from '@node-rs/argon2';
import type { LightMyRequestResponse } from 'fastify';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { TenantId } from '../../src/tenancy/tenant-id.js';
import { ownerPlatformDb } from '../../src/db/owner-platform-db.js';
import {
  ACCOUNT_SLOWDOWN_AFTER,
  ADDRESS_FAILURES,
  beginLoginAttempt,
  MAX_SLOWDOWN_MS,
  PAIR_FAILURES,
  slowdownMs,
} from '../../src/modules/auth/login-attempts.js';
import { RateLimits } from '../../src/protection/rate-limits.js';
import { ADMIN, startTestInstance, type TestInstance } from '../support/test-instance.js';
import { loginCall } from './auth-calls.js';

// The real argon2, watched: which hashes each sign-in verified against (their PHC parameters).
const verified = vi.hoisted(() => [] as string[]);
vi.mock('@node-rs/argon2', async (importOriginal) => {
  const real = await importOriginal<typeof Argon2>();
  return {
    ...real,
    verify: (hashed: string, ...rest: [string]) => {
      verified.push(hashed.split('$').slice(1, 4).join('$'));
      return real.verify(hashed, ...rest);
    },
  };
});

// Long enough that a burst of argon2 checks on a loaded machine ends inside one window.
const LOCKOUT_SECONDS = 8;
const TENANT = 'brute';
const OWNER = { email: `owner@${TENANT}.test`, password: 'owner-password-1', tenant_id: TENANT };

let tb: TestInstance;
let nextAddress = 10;
/** Each test speaks from its own address, so per-address counts never leak between tests. */
const freshAddress = () => `10.0.0.${nextAddress++}`;

beforeAll(async () => {
  // With REDIS_URL set the counts live in Redis, as they do when several processes share them.
  const redis: Record<string, string> = process.env.REDIS_URL ? { REDIS_URL: process.env.REDIS_URL } : {};
  tb = await startTestInstance({ extraEnv: { LOGIN_LOCKOUT_SECONDS: String(LOCKOUT_SECONDS), ...redis } });
  await tb.createTenant({ id: TENANT, isolation: 'pool' });
});
afterAll(async () => {
  await tb?.destroy();
});

const wrong = (email = OWNER.email) => ({ ...OWNER, email, password: 'not-the-password' });
const withoutRequestId = (response: LightMyRequestResponse) =>
  response.body.replace(response.json().request_id, '<request-id>');

describe('failed sign-ins', () => {
  it('answer an unknown email and a wrong password with the same body, after the same argon2 work', async () => {
    const address = freshAddress();
    const unknown = await loginCall(tb, wrong('nobody@brute.test'), address);
    const mistyped = await loginCall(tb, wrong(), address);
    expect(unknown.statusCode).toBe(401);
    expect(mistyped.statusCode).toBe(401);
    expect(withoutRequestId(unknown)).toBe(withoutRequestId(mistyped));
    expect(unknown.headers['content-length']).toBe(mistyped.headers['content-length']);

    // The unknown email still verifies a dummy argon2id hash (19 MiB, 2 passes): the same work.
    verified.length = 0;
    await loginCall(tb, wrong('ghost@brute.test'), address);
    const unknownWork = verified.splice(0);
    await loginCall(tb, wrong(), address);
    const knownWork = verified.splice(0);
    expect(unknownWork).toEqual(['argon2id$v=19$m=19456,t=2,p=1']);
    expect(unknownWork).toEqual(knownWork);
    await loginCall(tb, OWNER, address); // resets the account for the tests below
  });

  it(`refuse an address after ${PAIR_FAILURES} failures on one account, even for the right password, until the window ends`, async () => {
    const address = freshAddress();
    const failures = await Promise.all(
      Array.from({ length: PAIR_FAILURES }, () => loginCall(tb, wrong(), address)),
    );
    expect(failures.map((f) => f.statusCode)).toEqual(Array(PAIR_FAILURES).fill(401));
    const locked = await loginCall(tb, OWNER, address);
    expect(locked.statusCode).toBe(429);
    expect(locked.json().error.code).toBe('RATE_LIMITED');
    const retryAfter = Number(locked.headers['retry-after']);
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(LOCKOUT_SECONDS);
    // Another account of the same tenant is not affected; nor is the same email elsewhere.
    expect((await loginCall(tb, { ...OWNER, email: 'owner-two@brute.test' }, address)).statusCode).toBe(401);
    expect((await loginCall(tb, { ...OWNER, tenant_id: 'default' }, address)).statusCode).toBe(401);
    // The account itself is not locked: its owner signs in from anywhere else.
    expect((await loginCall(tb, OWNER, freshAddress())).statusCode).toBe(200);

    await new Promise((resolve) => setTimeout(resolve, retryAfter * 1000 + 200));
    expect((await loginCall(tb, OWNER, address)).statusCode).toBe(200);
  });

  it('never lock anyone out from elsewhere: anonymous failures on the platform administrator', async () => {
    const attacker = freshAddress();
    const admin = { email: ADMIN.email, password: ADMIN.password };
    for (let i = 0; i < PAIR_FAILURES; i++) {
      expect((await loginCall(tb, { ...admin, password: 'guess' }, attacker)).statusCode).toBe(401);
    }
    expect((await loginCall(tb, admin, attacker)).statusCode).toBe(429);
    const fromElsewhere = await loginCall(tb, admin, freshAddress());
    expect(fromElsewhere.statusCode).toBe(200);
  });

  it('reset the account count on a successful sign-in', async () => {
    const address = freshAddress();
    for (let round = 0; round < 2; round++) {
      for (let i = 0; i < PAIR_FAILURES - 1; i++) await loginCall(tb, wrong(), address);
      expect((await loginCall(tb, OWNER, address)).statusCode).toBe(200);
    }
  });

  it('count parallel guesses too: of many at once, only the allowance is even checked', async () => {
    const address = freshAddress();
    const email = 'parallel@brute.test';
    const answers = await Promise.all(
      Array.from({ length: PAIR_FAILURES + 4 }, () => loginCall(tb, wrong(email), address)),
    );
    const codes = answers.map((a) => a.statusCode).sort();
    expect(codes.filter((c) => c === 401)).toHaveLength(PAIR_FAILURES);
    expect(codes.filter((c) => c === 429)).toHaveLength(4);
  });

  it(`limit one address to ${ADDRESS_FAILURES} failures across accounts`, async () => {
    // A burst of 50 argon2 checks can outlast the short window above on a loaded machine, and the
    // count would expire before the check: this test speaks to a second process on the same
    // databases whose window is the production default, far longer than any burst.
    const wide = await startTestInstance({ env: { ...tb.env, LOGIN_LOCKOUT_SECONDS: '900' } });
    try {
      const address = freshAddress();
      const answers = await Promise.all(
        Array.from({ length: ADDRESS_FAILURES }, (_, i) =>
          loginCall(wide, wrong(`spray-${i}@brute.test`), address),
        ),
      );
      expect(answers.every((a) => a.statusCode === 401)).toBe(true);
      const blocked = await loginCall(wide, OWNER, address);
      expect(blocked.statusCode).toBe(429);
      expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
      expect((await loginCall(wide, OWNER, freshAddress())).statusCode).toBe(200);
    } finally {
      await wide.close();
    }
  });

  it('successful sign-ins do not use up the address allowance', async () => {
    const address = freshAddress();
    const perBatch = PAIR_FAILURES; // attempts in flight count against the account until they succeed
    for (let done = 0; done <= ADDRESS_FAILURES; done += perBatch) {
      const answers = await Promise.all(
        Array.from({ length: perBatch }, () =>
          loginCall(tb, { email: ADMIN.email, password: ADMIN.password }, address),
        ),
      );
      expect(answers.map((a) => a.statusCode)).toEqual(Array(perBatch).fill(200));
    }
  });

  it('count in the shared store when there is one', () => {
    expect(tb.services.redis !== undefined).toBe(process.env.REDIS_URL !== undefined);
  });

  it('fail closed with 503 when the shared limiter store is unreachable', async () => {
    const real = tb.services.rateLimits;
    const dead = new Redis({ host: '127.0.0.1', port: 1, lazyConnect: true, enableOfflineQueue: false });
    dead.on('error', () => undefined);
    tb.services.rateLimits = new RateLimits({ redis: dead, keyPrefix: 'dead' });
    try {
      const response = await loginCall(tb, OWNER, freshAddress());
      expect(response.statusCode).toBe(503);
      expect(response.json().error.code).toBe('UNAVAILABLE');
      expect(response.headers['retry-after']).toBeDefined();
    } finally {
      tb.services.rateLimits = real;
      dead.disconnect();
    }
  });
});

describe('an account under attack from many addresses', () => {
  it('is slowed down, never locked: each attempt waits longer, and a success clears it', async () => {
    const limits = new RateLimits({ keyPrefix: `slow-${freshAddress()}` });
    const attempt = () =>
      beginLoginAttempt(limits, 60, { scope: TENANT, account: 'target@brute.test', address: freshAddress() });
    for (let i = 0; i < ACCOUNT_SLOWDOWN_AFTER; i++) expect((await attempt()).delayedMs).toBe(0);
    expect((await attempt()).delayedMs).toBe(1000);
    const right = await attempt();
    expect(right.delayedMs).toBe(2000);
    await right.succeeded();
    expect((await attempt()).delayedMs).toBe(0);
  });

  it('waits at most MAX_SLOWDOWN_MS, however many failures', () => {
    expect(slowdownMs(ACCOUNT_SLOWDOWN_AFTER - 1)).toBe(0);
    expect(slowdownMs(ACCOUNT_SLOWDOWN_AFTER + 2)).toBe(4000);
    expect(slowdownMs(10_000)).toBe(MAX_SLOWDOWN_MS);
  });
});

describe('stored password hashes', () => {
  it('are argon2id with at least 19 MiB and 2 iterations', async () => {
    const admin = await ownerPlatformDb(tb.services.tenancy.adminPool)
      .selectFrom('platform.platform_admins')
      .select('password_hash')
      .executeTakeFirstOrThrow();
    const tenant = (await tb.services.tenancy.registry.load(TENANT as TenantId))!;
    const owner = await tb.services.tenancy.withTenant(tenant, (scope) =>
      scope.db
        .selectFrom('users')
        .select('password_hash')
        .where('tenant_id', '=', scope.tenantId)
        .where('email', '=', OWNER.email)
        .executeTakeFirstOrThrow(),
    );
    for (const phc of [admin.password_hash, owner.password_hash!]) {
      const match = /^\$argon2id\$v=19\$m=(\d+),t=(\d+),p=(\d+)\$[A-Za-z0-9+/]+\$[A-Za-z0-9+/]+$/.exec(phc);
      expect(match, phc).not.toBeNull();
      expect(Number(match![1])).toBeGreaterThanOrEqual(19 * 1024);
      expect(Number(match![2])).toBeGreaterThanOrEqual(2);
    }
  });
});
