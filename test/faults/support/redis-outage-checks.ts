import type { InjectOptions } from 'fastify';
import { expect } from 'vitest';
import type { TestInstance } from '../../support/test-instance.js';

/** Long enough for a noisy machine, short enough that a hanging request fails the test rather than the run. */
export const ANSWER_WITHIN_MS = 10_000;

/** Resolves with the work's value, or fails naming `what` when it has not answered in time (a hang). */
export async function answered<T>(work: Promise<T>, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const hang = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`${what} did not answer within ${ANSWER_WITHIN_MS} ms`)),
      ANSWER_WITHIN_MS,
    );
  });
  try {
    return await Promise.race([work, hang]);
  } finally {
    clearTimeout(timer);
  }
}

/** A tenant with one owner, made while the store still answers; returns the owner's token. */
export async function seedTenant(tb: TestInstance, id: string): Promise<string> {
  await tb.createTenant({ id, isolation: 'pool' });
  return tb.login(`owner@${id}.test`, 'owner-password-1', id);
}

/**
 * SPEC §5 fail modes with the shared store out: the general API budget fails open (and is
 * counted), strict limits (login, password reset, demo requests, signup) fail closed with 503, and
 * cached reads come from the database. Every request must answer, whatever the store does.
 */
export async function expectOutageFailModes(
  tb: TestInstance,
  tenantId: string,
  token: string,
): Promise<void> {
  const inject = (options: InjectOptions, what: string) => answered(tb.app.inject(options), what);

  const list = await inject(
    { url: '/api/v1/workflows', headers: { authorization: `Bearer ${token}` } },
    'a general API read',
  );
  expect(list.statusCode, list.body).toBe(200);
  expect(list.headers['x-cache']).toBe('MISS');

  const created = await inject(
    {
      method: 'POST',
      url: '/api/v1/workflows',
      headers: { authorization: `Bearer ${token}` },
      payload: { name: 'made during the outage' },
    },
    'a general API write',
  );
  expect(created.statusCode, created.body).toBe(201);

  const login = await inject(
    {
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: `owner@${tenantId}.test`, password: 'owner-password-1', tenant_id: tenantId },
    },
    'a login',
  );
  expect(login.statusCode, login.body).toBe(503);
  expect(login.json().error.code).toBe('UNAVAILABLE');
  expect(login.headers['retry-after']).toBeDefined();

  const reset = await inject(
    {
      method: 'POST',
      url: '/api/v1/auth/forgot-password',
      payload: { email: `owner@${tenantId}.test`, tenant_id: tenantId },
    },
    'a password reset request',
  );
  expect(reset.statusCode, reset.body).toBe(503);
  expect(reset.json().error.code).toBe('UNAVAILABLE');

  const demo = await inject(
    {
      method: 'POST',
      url: '/api/v1/demo-requests',
      payload: { company_name: 'Outage Inc', email: 'someone@outage.test' },
    },
    'a demo request',
  );
  expect(demo.statusCode, demo.body).toBe(503);
  expect(demo.json().error.code).toBe('UNAVAILABLE');

  const signup = await inject(
    {
      method: 'POST',
      url: '/api/v1/auth/signup',
      payload: {
        tenant_id: 'outage-inc',
        company_name: 'Outage Inc',
        email: 'founder@outage.test',
        password: 'outage-password-1',
      },
    },
    'a signup',
  );
  expect(signup.statusCode, signup.body).toBe(503);
  expect(signup.json().error.code).toBe('UNAVAILABLE');

  const scrape = await inject({ url: '/metrics' }, 'a metrics scrape');
  expect(scrape.statusCode).toBe(200);
  expect(scrape.body).toMatch(/tenantbase_rate_limit_backend_failures_total\{class="general"\} [1-9]/);
  expect(scrape.body).toMatch(/tenantbase_rate_limit_backend_failures_total\{class="strict"\} [1-9]/);
}

/**
 * Logs the tenant's owner in as soon as strict limits work again, i.e. once the store answers
 * (after an outage the process waits a moment before it asks Redis again); fails if it never does.
 */
export async function loginOnceStoreAnswers(tb: TestInstance, tenantId: string): Promise<string> {
  const deadline = Date.now() + ANSWER_WITHIN_MS;
  for (;;) {
    const login = await answered(
      tb.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { email: `owner@${tenantId}.test`, password: 'owner-password-1', tenant_id: tenantId },
      }),
      'a login',
    );
    if (login.statusCode === 200) return login.json().data.access_token as string;
    expect(login.statusCode, login.body).toBe(503);
    if (Date.now() > deadline)
      throw new Error(`strict limits still failing ${ANSWER_WITHIN_MS} ms after the outage`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/**
 * Waits, with reads only (a login would drop the tenant's cache), until the API budget is
 * counted in the store again: a fail-open answer reports the whole limit as remaining.
 */
export async function untilStoreAnswers(tb: TestInstance, token: string): Promise<void> {
  const deadline = Date.now() + ANSWER_WITHIN_MS;
  for (;;) {
    const me = await answered(
      tb.app.inject({ url: '/api/v1/auth/me', headers: { authorization: `Bearer ${token}` } }),
      'a read',
    );
    expect(me.statusCode, me.body).toBe(200);
    if (me.headers['x-ratelimit-remaining'] !== me.headers['x-ratelimit-limit']) return;
    if (Date.now() > deadline)
      throw new Error(`Redis still not used ${ANSWER_WITHIN_MS} ms after the outage`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Redis is shared by every process: its outage is detail (verbose, gauge), not a reason to leave the balancer. */
export async function expectReadyWithRedisDown(tb: TestInstance): Promise<void> {
  const ready = await answered(tb.app.inject({ url: '/health/ready' }), 'readiness');
  expect(ready.statusCode, ready.body).toBe(200);
  expect(ready.json()).toEqual({
    status: 'ready',
    checks: { accepting_requests: 'ok', platform_database: 'ok' },
  });
  const verbose = await answered(tb.app.inject({ url: '/health/ready?verbose' }), 'verbose readiness');
  expect(verbose.statusCode, verbose.body).toBe(200);
  expect(verbose.json().dependencies).toEqual({
    redis: 'unavailable',
    placement_servers: { default: 'ok' },
  });
  const scrape = await answered(tb.app.inject({ url: '/metrics' }), 'a metrics scrape');
  expect(scrape.body).toMatch(/^tenantbase_dependency_up\{dependency="redis"\} 0$/m);
  expect(scrape.body).toMatch(/^tenantbase_dependency_up\{dependency="placement:default"\} 1$/m);
}
