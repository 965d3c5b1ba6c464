import pg from 'pg';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { startTestInstance, type TestInstance } from './support/test-instance.js';

const EVIL = 'x"; drop schema public; --';
const RESERVED = ['www', 'api', 'app', 'admin', 'internal'];
const MALFORMED = [EVIL, 'Acme', 'a', 'ends-with-', '9lives', 'acme_corp', 'a'.repeat(41), 'ac me'];

let tb: TestInstance;
let token: string;

beforeAll(async () => {
  tb = await startTestInstance();
  token = await tb.adminToken();
});
afterAll(async () => {
  await tb?.destroy();
});
afterEach(() => {
  vi.restoreAllMocks();
});

interface Placement {
  method: 'GET' | 'POST';
  url: string;
  headers?: Record<string, string>;
  query?: Record<string, string>;
  payload?: object;
}

/** Every way a platform administrator can put a tenant id into a request. */
const placements: Record<string, (id: string) => Placement> = {
  'X-Tenant-ID': (id) => ({ method: 'GET', url: '/api/v1/deployments', headers: { 'x-tenant-id': id } }),
  '?tenant_id=': (id) => ({ method: 'GET', url: '/api/v1/deployments', query: { tenant_id: id } }),
  'POST /api/v1/tenants': (id) => ({
    method: 'POST',
    url: '/api/v1/tenants',
    payload: { id, name: 'Injected', admin_email: 'owner@injected.test', admin_password: 'owner-password-1' },
  }),
  '/api/v1/tenants/{id}': (id) => ({ method: 'GET', url: `/api/v1/tenants/${encodeURIComponent(id)}` }),
};

async function send(how: string, id: string) {
  const { headers, ...options } = placements[how]!(id);
  return tb.app.inject({ ...options, headers: { authorization: `Bearer ${token}`, ...headers } });
}

describe.for(Object.keys(placements))('a tenant id given as %s', (how) => {
  it('is refused with VALIDATION_FAILED before any SQL sees it', async () => {
    const query = vi.spyOn(pg.Client.prototype, 'query');
    const tenantsBefore = await tb.services.tenancy.adminPool.query(
      'select count(*)::int as n from platform.tenants',
    );
    for (const id of MALFORMED) {
      const response = await send(how, id);
      expect(response.statusCode, `${how} ${id}`).toBe(400);
      expect(response.json().error.code).toBe('VALIDATION_FAILED');
      expect(response.json().error.details?.length).toBeGreaterThan(0);
    }
    const sent = query.mock.calls.map(([text, values]) =>
      [typeof text === 'string' ? text : (text as { text?: string }).text, JSON.stringify(values ?? [])].join(
        ' ',
      ),
    );
    query.mockRestore();
    // The spy sees the pools' statements (the count above), and none of them carries the slug.
    expect(sent.some((statement) => statement.includes('platform.tenants'))).toBe(true);
    expect(sent.join('\n')).not.toContain('drop schema');
    const tenantsAfter = await tb.services.tenancy.adminPool.query(
      'select count(*)::int as n from platform.tenants',
    );
    expect(tenantsAfter.rows[0].n).toBe(tenantsBefore.rows[0].n);
    const schemas = await tb.services.tenancy.adminPool.query(
      `select 1 from pg_namespace where nspname = 'public'`,
    );
    expect(schemas.rowCount).toBe(1);
  });

  it('is refused when reserved', async () => {
    for (const id of RESERVED) {
      const response = await send(how, id);
      expect(response.statusCode, `${how} ${id}`).toBe(400);
      expect(response.json().error).toMatchObject({
        code: 'VALIDATION_FAILED',
        details: [{ message: expect.stringContaining('reserved') }],
      });
    }
  });
});
