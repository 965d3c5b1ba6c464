import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestInstance, type TestInstance } from './support/test-instance.js';
import { parseTenantId } from '../src/tenancy/tenant-id.js';

// Every path that opens a tenant for a caller applies the same resolution, status and
// permission rules (src/tenancy/open-tenant.ts, TenantPermissions.assertGranted).
let tb: TestInstance;
let owner: string;
const id = parseTenantId('edge-rules');
const other = 'edge-other';

beforeAll(async () => {
  tb = await startTestInstance();
  await tb.createTenant({ id, isolation: 'pool' });
  await tb.createTenant({ id: other, isolation: 'pool' });
  owner = await tb.login(`owner@${id}.test`, 'owner-password-1', id);
});
afterAll(async () => {
  await tb?.destroy();
});

const call = (token: string, url: string) =>
  tb.app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${token}` } });

async function apiKey(permissions: string[]): Promise<string> {
  const created = await tb.app.inject({
    method: 'POST',
    url: '/api/v1/api-keys',
    headers: { authorization: `Bearer ${owner}` },
    payload: { name: permissions.join(' '), permissions },
  });
  expect(created.statusCode).toBe(201);
  return created.json().data.secret as string;
}

describe('tenant settings routes (/tenants/{id}/...) follow the tenant edge rules', () => {
  it('let an API key act with exactly the permissions it was granted, as on every tenant route', async () => {
    const manager = await apiKey(['branding:manage']);
    const config = await call(manager, `/api/v1/tenants/${id}/config`);
    expect(config.statusCode, config.body).toBe(200);
    expect(config.json().data).toMatchObject({ tenant_id: id });

    const reader = await apiKey(['deployments:read']);
    const refused = await call(reader, `/api/v1/tenants/${id}/config`);
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.code).toBe('FORBIDDEN');
  });

  it("refuse another tenant's id as a mismatch, existing or not, before its status", async () => {
    const manager = await apiKey(['branding:manage']);
    for (const named of [other, 'no-such-tenant']) {
      const response = await call(manager, `/api/v1/tenants/${named}/config`);
      expect(response.statusCode).toBe(403);
      expect(response.json().error.code).toBe('TENANT_MISMATCH');
    }
  });

  it('refuse a suspended tenant with TENANT_SUSPENDED, before the permission', async () => {
    const reader = await apiKey(['deployments:read']);
    await tb.services.tenancy.registry.setStatus(id, { status: 'suspended' });
    try {
      const response = await call(reader, `/api/v1/tenants/${id}/config`);
      expect(response.statusCode).toBe(403);
      expect(response.json().error.code).toBe('TENANT_SUSPENDED');
    } finally {
      await tb.services.tenancy.registry.setStatus(id, { status: 'active' });
    }
  });
});
