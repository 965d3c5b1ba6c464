import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TenantId } from '../../src/tenancy/tenant-id.js';
import { startTestInstance, type TestInstance } from '../support/test-instance.js';

let tb: TestInstance;
let admin: string;
let addresses = 0;

async function call(
  method: string,
  url: string,
  options: { token?: string; payload?: unknown; address?: string } = {},
) {
  const response = await tb.app.inject({
    method: method as 'GET',
    url,
    headers: options.token ? { authorization: `Bearer ${options.token}` } : {},
    // Each test files from its own address, so the per-address limit is tested where meant.
    remoteAddress: options.address ?? `10.0.0.${++addresses}`,
    ...(options.payload !== undefined ? { payload: options.payload as object } : {}),
  });
  return { status: response.statusCode, body: response.json(), headers: response.headers };
}

const file = (email: string, extra: object = {}) =>
  call('POST', '/api/v1/demo-requests', {
    payload: { company_name: 'ABC Dental Clinic', email, business_domain: 'dental', ...extra },
  });

beforeAll(async () => {
  tb = await startTestInstance();
  admin = await tb.adminToken();
});
afterAll(() => tb?.destroy());

describe('POST /api/v1/demo-requests', () => {
  it('files a validated request from anyone', async () => {
    const { status, body } = await file('Dr.Who@Example.com', { message: 'Please show us the tool' });
    expect(status).toBe(201);
    expect(body.data).toMatchObject({
      company_name: 'ABC Dental Clinic',
      email: 'dr.who@example.com',
      business_domain: 'dental',
      status: 'pending',
      tenant_id: null,
    });
    for (const payload of [
      { company_name: 'X', email: 'not-an-email' },
      { company_name: '', email: 'a@example.com' },
      { company_name: 'X', email: 'a@example.com', business_domain: 'banking' },
      { company_name: 'X', email: 'a@example.com', tier: 'enterprise' },
      { company_name: 'X', email: 'a@example.com', message: 'x'.repeat(2001) },
    ]) {
      const refused = await call('POST', '/api/v1/demo-requests', { payload });
      expect(refused.status, JSON.stringify(payload)).toBe(400);
    }
  });

  it('limits requests per email and per address with 429 and Retry-After', async () => {
    for (let i = 0; i < 3; i++) expect((await file('eager@example.com')).status).toBe(201);
    const byEmail = await file('EAGER@example.com');
    expect(byEmail.status).toBe(429);
    expect(byEmail.body.error.code).toBe('RATE_LIMITED');
    expect(Number(byEmail.headers['retry-after'])).toBeGreaterThan(0);

    const address = '192.0.2.7';
    const fromOne = (i: number) =>
      call('POST', '/api/v1/demo-requests', {
        address,
        payload: { company_name: 'Spam Co', email: `spam${i}@example.com` },
      });
    for (let i = 0; i < 10; i++) expect((await fromOne(i)).status).toBe(201);
    expect((await fromOne(10)).status).toBe(429);
  });
});

describe('listing, approving and rejecting', () => {
  it('lists requests for platform administrators only, paginated and filtered', async () => {
    const all = await call('GET', '/api/v1/demo-requests?per_page=2', { token: admin });
    expect(all.status).toBe(200);
    expect(all.body.data).toHaveLength(2);
    expect(all.body.pagination).toMatchObject({ page: 1, per_page: 2, has_next: true });
    expect(all.body.pagination.total).toBeGreaterThanOrEqual(14);
    const rejected = await call('GET', '/api/v1/demo-requests?status=rejected', { token: admin });
    expect(rejected.body.data).toEqual([]);
    expect((await call('GET', '/api/v1/demo-requests?status=maybe', { token: admin })).status).toBe(400);
    expect((await call('GET', '/api/v1/demo-requests')).status).toBe(401);
  });

  it('approves a request into a tenant whose owner is invited, once', async () => {
    const filed = (await file('owner@abc-dental.example')).body.data;
    const approved = await call('POST', `/api/v1/demo-requests/${filed.id}/approve`, {
      token: admin,
      payload: { tenant_id: 'abc-dental', isolation: 'schema' },
    });
    expect(approved.status, JSON.stringify(approved.body)).toBe(202);
    expect(approved.body.data).toMatchObject({
      id: filed.id,
      status: 'approved',
      tenant_id: 'abc-dental',
      tenant: { id: 'abc-dental', name: 'ABC Dental Clinic', business_domain: 'dental', isolation: 'schema' },
    });
    const tenant = await tb.waitForTenant('abc-dental');
    expect(tenant.features).toContain('patient_management');
    const record = (await tb.services.tenancy.registry.load('abc-dental' as TenantId))!;
    const owner = await tb.services.tenancy.withTenant(record, (scope) =>
      scope.db
        .selectFrom('users')
        .select(['email', 'status'])
        .where('tenant_id', '=', scope.tenantId)
        .execute(),
    );
    expect(owner).toEqual([{ email: 'owner@abc-dental.example', status: 'invited' }]);

    const again = await call('POST', `/api/v1/demo-requests/${filed.id}/approve`, {
      token: admin,
      payload: { tenant_id: 'abc-dental-2' },
    });
    expect(again.status).toBe(409);
    expect(await tb.services.tenancy.registry.load('abc-dental-2' as TenantId)).toBeUndefined();
    const reject = await call('POST', `/api/v1/demo-requests/${filed.id}/reject`, {
      token: admin,
      payload: {},
    });
    expect(reject.status).toBe(409);
  });

  it('makes one tenant when two approvals race, and leaves a request pending when its tenant id is taken', async () => {
    const filed = (await file('race@example.com')).body.data;
    const results = await Promise.all(
      ['race-one', 'race-two'].map((tenant_id) =>
        call('POST', `/api/v1/demo-requests/${filed.id}/approve`, { token: admin, payload: { tenant_id } }),
      ),
    );
    expect(results.map((r) => r.status).sort()).toEqual([202, 409]);
    const made = await tb.services.tenancy.platformDb
      .selectFrom('platform.tenants')
      .select('id')
      .where('id', 'in', ['race-one', 'race-two'])
      .execute();
    expect(made).toHaveLength(1);

    const other = (await file('taken@example.com')).body.data;
    const taken = await call('POST', `/api/v1/demo-requests/${other.id}/approve`, {
      token: admin,
      payload: { tenant_id: made[0]!.id },
    });
    expect(taken.status).toBe(409);
    const list = await call('GET', '/api/v1/demo-requests?status=pending&per_page=100', { token: admin });
    expect(list.body.data.map((r: { id: string }) => r.id)).toContain(other.id);
  });

  it('rejects a pending request with a reason, once; unknown ids are 404, tenant users 403', async () => {
    const filed = (await file('no-thanks@example.com')).body.data;
    const rejected = await call('POST', `/api/v1/demo-requests/${filed.id}/reject`, {
      token: admin,
      payload: { reason: 'Not a fit' },
    });
    expect(rejected.status).toBe(200);
    expect(rejected.body.data).toMatchObject({ status: 'rejected', reason: 'Not a fit', tenant_id: null });
    expect(rejected.body.data.decided_at).toEqual(expect.any(String));
    const twice = await call('POST', `/api/v1/demo-requests/${filed.id}/reject`, {
      token: admin,
      payload: {},
    });
    expect(twice.status).toBe(409);
    const approve = await call('POST', `/api/v1/demo-requests/${filed.id}/approve`, {
      token: admin,
      payload: { tenant_id: 'too-late' },
    });
    expect(approve.status).toBe(409);
    const missing = await call('POST', `/api/v1/demo-requests/${randomUUID()}/reject`, {
      token: admin,
      payload: {},
    });
    expect(missing.status).toBe(404);

    const tenantUser = await tb.services.tokens.issue({
      kind: 'tenant_user',
      id: randomUUID(),
      tenantId: 'abc-dental' as TenantId,
      roles: ['owner'],
    });
    for (const [method, url] of [
      ['GET', '/api/v1/demo-requests'],
      ['POST', `/api/v1/demo-requests/${filed.id}/approve`],
    ] as const) {
      const { status, body } = await call(method, url, {
        token: tenantUser,
        payload: { tenant_id: 'x-y-z' },
      });
      expect(status).toBe(403);
      expect(body.error.code).toBe('FORBIDDEN');
    }
  });
});
