import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { TenantId } from '../src/tenancy/tenant-id.js';
import { startTestInstance, type TestInstance } from './support/test-instance.js';

let tb: TestInstance;
let token: string;

interface ConnectionState {
  pid: number;
  search_path: string;
  schemas: string[];
}

/** The state of the app pool's only connection (DATABASE_POOL_MAX=1), between requests. */
async function connectionState(): Promise<ConnectionState> {
  const { rows } = await tb.services.tenancy.appPool.query<ConnectionState>(
    `select pg_backend_pid() as pid, current_setting('search_path') as search_path,
            current_schemas(true)::text[] as schemas`,
  );
  return rows[0]!;
}

function request(tenant: string, method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object) {
  return tb.app.inject({
    method,
    url,
    headers: { authorization: `Bearer ${token}`, 'x-tenant-id': tenant },
    ...(payload ? { payload } : {}),
  });
}

beforeAll(async () => {
  tb = await startTestInstance({ extraEnv: { DATABASE_POOL_MAX: '1' } });
  token = await tb.adminToken();
  for (const id of ['sp-a', 'sp-b']) {
    await tb.createTenant({ id, isolation: 'schema' });
    const created = await request(id, 'POST', '/api/v1/deployments', { project_name: `only in ${id}` });
    expect(created.statusCode).toBe(201);
  }
});
afterAll(async () => {
  await tb?.destroy();
});
afterEach(() => {
  vi.restoreAllMocks();
});

describe('schema isolation on a pooled connection', () => {
  it('leaves no tenant schema on the search_path after a tenant request', async () => {
    const before = await connectionState();
    const listed = await request('sp-a', 'GET', '/api/v1/deployments');
    expect(listed.statusCode).toBe(200);
    const id = listed.json().data[0].id as string;
    expect(
      (await request('sp-a', 'PATCH', `/api/v1/deployments/${id}`, { status: 'active' })).statusCode,
    ).toBe(200);
    const after = await connectionState();
    expect(after).toEqual(before);
    expect(after.schemas.filter((schema) => schema.startsWith('t_'))).toEqual([]);
  });

  it('leaves no tenant schema behind when the tenant work fails', async () => {
    const before = await connectionState();
    expect((await request('sp-a', 'GET', `/api/v1/deployments/${randomUUID()}`)).statusCode).toBe(404);
    const tenant = (await tb.services.tenancy.registry.load('sp-a' as TenantId))!;
    const failing = tb.services.tenancy.withTenant(tenant, async (scope) => {
      await scope.db.selectFrom('deployments').select('id').where('tenant_id', '=', scope.tenantId).execute();
      throw new Error('boom');
    });
    await expect(failing).rejects.toThrow('boom');
    expect(await connectionState()).toEqual(before);
    // Nothing on the path finds a tenant table by its bare name.
    await expect(tb.services.tenancy.appPool.query('select 1 from deployments')).rejects.toMatchObject({
      code: '42P01',
    });
  });

  it('serves the next tenant only its own rows on the connection the previous one used', async () => {
    expect((await request('sp-a', 'GET', '/api/v1/deployments')).statusCode).toBe(200);
    const response = await request('sp-b', 'GET', '/api/v1/deployments?per_page=100');
    const names = (response.json().data as Array<{ project_name: string }>).map((row) => row.project_name);
    expect(names).toEqual(['only in sp-b']);
  });

  it('names the tenant schema in full in every statement on a tenant table', async () => {
    const query = vi.spyOn(pg.Client.prototype, 'query');
    const response = await request('sp-b', 'POST', '/api/v1/deployments', { project_name: 'qualified' });
    expect(response.statusCode).toBe(201);
    const statements = query.mock.calls
      .map(([text]) => (typeof text === 'string' ? text : ((text as { text?: string }).text ?? '')))
      .filter((text) => /\b(deployments|audit_log)\b/.test(text));
    expect(statements.length).toBeGreaterThanOrEqual(2);
    for (const text of statements) {
      expect(text.replace(/"t_sp_b"\."(deployments|audit_log)"/g, ''), text).not.toMatch(
        /\b(deployments|audit_log)\b/,
      );
    }
    expect(statements.join('\n')).not.toMatch(/set_config\('search_path'|set search_path/i);
  });
});
