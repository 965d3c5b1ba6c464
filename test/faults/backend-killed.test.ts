import type { TenantId } from '../../src/tenancy/tenant-id.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Isolation } from '../../src/tenancy/tenant-scope.js';
import {
  holdAuditLock,
  storageClient,
  terminateBackend,
  waitForLockedBackend,
} from '../support/backend-faults.js';
import { startServerProcess, type ServerProcess } from '../support/server-process.js';
import { asStorageOwner } from '../support/tenant-storage-owner.js';
import { ISOLATIONS, startTestInstance, type TestInstance } from '../support/test-instance.js';

let tb: TestInstance;
let server: ServerProcess;

beforeAll(async () => {
  tb = await startTestInstance();
  for (const isolation of ISOLATIONS) await tb.createTenant({ id: `kill-${isolation}`, isolation });
  server = await startServerProcess(tb.env);
}, 120_000);

afterAll(async () => {
  await server?.stop();
  await tb?.destroy();
});

async function call(method: string, path: string, token: string, body?: unknown): Promise<Response> {
  return fetch(`${server.url}/api/v1${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) },
    ...(body ? { body: JSON.stringify(body) } : {}),
  });
}

async function rowCounts(tenant: { id: string; isolation: Isolation }) {
  return asStorageOwner(tb, tenant, async (client, table) => {
    const count = async (name: string) =>
      Number((await client.query(`select count(*) as n from ${table(name)}`)).rows[0].n);
    return { deployments: await count('deployments'), audit: await count('audit_log') };
  });
}

describe('a backend terminated while a write request holds it', () => {
  it.each(ISOLATIONS)(
    'answers 503 in %s isolation, keeps the process up and writes nothing',
    async (isolation) => {
      const tenant = { id: `kill-${isolation}`, isolation };
      const token = await tb.login(`owner@${tenant.id}.test`, 'owner-password-1', tenant.id);
      const before = await rowCounts(tenant);
      const holder = await storageClient(tb, tenant);
      try {
        const unlock = await holdAuditLock(holder, tenant);
        // The deployment row is inserted, then the request waits for the audit lock in its transaction.
        const pending = call('POST', '/deployments', token, { project_name: 'half-written' });
        const pid = await waitForLockedBackend(holder, [
          tb.services.tenancy.endpoints.names.appRole,
          tb.services.tenancy.endpoints.names.roleFor(tenant.id as TenantId),
        ]);
        await terminateBackend(holder, pid);
        const response = await pending;
        expect(response.status).toBe(503);
        expect(response.headers.get('retry-after')).toBeTruthy();
        expect(((await response.json()) as { error: { code: string } }).error.code).toBe('UNAVAILABLE');
        await unlock();
      } finally {
        await holder.end();
      }

      expect((await fetch(`${server.url}/health`)).status).toBe(200);
      expect(await rowCounts(tenant)).toEqual(before);
      // The terminated connection was discarded: every later request gets a working one.
      for (let i = 0; i < 5; i += 1) {
        const created = await call('POST', '/deployments', token, { project_name: `after-${i}` });
        expect(created.status).toBe(201);
      }
      expect((await call('GET', '/deployments', token)).status).toBe(200);
      expect(await rowCounts(tenant)).toEqual({
        deployments: before.deployments + 5,
        audit: before.audit + 5,
      });
    },
  );
});
