import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ISOLATIONS, startTestInstance, type TestInstance } from '../support/test-instance.js';

let tb: TestInstance;
const owners: Record<string, string> = {};

beforeAll(async () => {
  tb = await startTestInstance();
  for (const isolation of ISOLATIONS) {
    for (const side of ['a', 'b']) {
      const id = `key-${isolation}-${side}`;
      await tb.createTenant({ id, isolation });
      owners[id] = await tb.login(`owner@${id}.test`, 'owner-password-1', id);
    }
  }
});
afterAll(async () => {
  await tb?.destroy();
});

const call = (
  token: string,
  method: 'GET' | 'POST' | 'DELETE',
  url: string,
  payload?: object,
  headers = {},
) => tb.app.inject({ method, url, payload, headers: { authorization: `Bearer ${token}`, ...headers } });

describe.each(ISOLATIONS)('API keys in %s isolation', (isolation) => {
  const a = `key-${isolation}-a`;
  const b = `key-${isolation}-b`;

  it('shows the secret once, stores only its hash, and the key acts with exactly its permissions', async () => {
    const created = await call(owners[a]!, 'POST', '/api/v1/api-keys', {
      name: 'ci reader',
      permissions: ['deployments:read'],
    });
    expect(created.statusCode).toBe(201);
    const { id, secret } = created.json().data;
    expect(secret).toMatch(new RegExp(`^tbk\\.${a}\\.`));

    const list = await call(owners[a]!, 'GET', '/api/v1/api-keys');
    expect(list.body).not.toContain(secret.split('.').pop());
    expect(list.json().data.map((k: { id: string }) => k.id)).toContain(id);
    const stored = await tb.services.tenancy.withTenant(
      (await tb.services.tenancy.registry.load(a as never))!,
      (scope) =>
        scope.db
          .selectFrom('api_keys')
          .select('secret_hash')
          .where('tenant_id', '=', scope.tenantId)
          .where('id', '=', id)
          .executeTakeFirstOrThrow(),
    );
    expect(stored.secret_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(stored.secret_hash).not.toContain(secret.split('.').pop());

    const read = await call(secret, 'GET', '/api/v1/deployments');
    expect(read.statusCode).toBe(200);
    expect(read.headers['x-tenant-id']).toBe(a);
    const write = await call(secret, 'POST', '/api/v1/deployments', { project_name: 'nope' });
    expect(write.statusCode).toBe(403);
    expect(write.json().error.code).toBe('FORBIDDEN');

    const used = await call(owners[a]!, 'GET', '/api/v1/api-keys');
    expect(used.json().data.find((k: { id: string }) => k.id === id).last_used_at).not.toBeNull();

    // the key names its tenant like a token's claim: another tenant is a mismatch
    const cross = await call(secret, 'GET', '/api/v1/deployments', undefined, { 'x-tenant-id': b });
    expect(cross.statusCode).toBe(403);
    expect(cross.json().error.code).toBe('TENANT_MISMATCH');

    expect((await call(owners[a]!, 'DELETE', `/api/v1/api-keys/${id}`)).statusCode).toBe(204);
    const revoked = await call(secret, 'GET', '/api/v1/deployments');
    expect(revoked.statusCode).toBe(401);
  });

  it('refuses forged or foreign keys, and keys of another tenant are not found', async () => {
    const created = await call(owners[b]!, 'POST', '/api/v1/api-keys', {
      name: 'b key',
      permissions: ['workflows:read'],
    });
    const { id, secret } = created.json().data;
    const forged = secret.replace(`tbk.${b}.`, `tbk.${a}.`);
    expect((await call(forged, 'GET', '/api/v1/workflows')).statusCode).toBe(401);
    const wrongSecret = `${secret.slice(0, -4)}AAAA`;
    expect((await call(wrongSecret, 'GET', '/api/v1/workflows')).statusCode).toBe(401);
    const foreignDelete = await call(owners[a]!, 'DELETE', `/api/v1/api-keys/${id}`);
    expect(foreignDelete.statusCode).toBe(404);
    expect(foreignDelete.body).not.toContain(b);
    expect((await call(secret, 'GET', '/api/v1/workflows')).statusCode).toBe(200);
  });
});

it('never grants a key more than its creator holds', async () => {
  const tenant = 'key-pool-a';
  const memberRoles = await call(owners[tenant]!, 'POST', '/api/v1/users', {
    email: 'viewer@key.test',
    role: 'viewer',
    password: 'viewer-password-1',
  });
  expect(memberRoles.statusCode).toBe(201);
  const viewer = await tb.login('viewer@key.test', 'viewer-password-1', tenant);
  const refused = await call(viewer, 'POST', '/api/v1/api-keys', {
    name: 'x',
    permissions: ['deployments:read'],
  });
  expect(refused.statusCode).toBe(403);
  const invalid = await call(owners[tenant]!, 'POST', '/api/v1/api-keys', {
    name: 'x',
    permissions: ['platform:root'],
  });
  expect(invalid.statusCode).toBe(400);
});
