import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isConnectionFault } from '../../src/db/connection-faults.js';
import type { TenantRecord } from '../../src/tenancy/registry/tenant-record.js';
import type { TenantId } from '../../src/tenancy/tenant-id.js';
import { holdAuditLock, storageClient, waitForLockedBackend } from '../support/backend-faults.js';
import { api } from '../support/identity-api.js';
import { asStorageOwner } from '../support/tenant-storage-owner.js';
import { ISOLATIONS, startTestInstance, type TestInstance } from '../support/test-instance.js';

let tb: TestInstance;
const tenants: Record<string, TenantRecord> = {};

beforeAll(async () => {
  tb = await startTestInstance({
    extraEnv: {
      DATABASE_STATEMENT_TIMEOUT_MS: '3000',
      DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS: '1000',
      DATABASE_POOL_CHECKOUT_TIMEOUT_MS: '1000',
      TENANT_DB_POOL_MAX: '1',
    },
  });
  for (const isolation of ISOLATIONS) {
    await tb.createTenant({ id: `slow-${isolation}`, isolation });
    tenants[isolation] = (await tb.services.tenancy.registry.load(`slow-${isolation}` as TenantId))!;
  }
}, 120_000);

afterAll(async () => {
  await tb?.destroy();
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('timeouts of application connections', () => {
  it.each(ISOLATIONS)('apply to every connection of a %s tenant', async (isolation) => {
    const settings = await tb.services.tenancy.withTenant(tenants[isolation]!, async (scope) => {
      const { rows } = await sql<{ statement: string; idle: string }>`
        select current_setting('statement_timeout') as statement,
               current_setting('idle_in_transaction_session_timeout') as idle`.execute(scope.db);
      return rows[0];
    });
    expect(settings).toEqual({ statement: '3s', idle: '1s' });
  });

  it('apply to the platform pool too', async () => {
    const { rows } = await tb.services.tenancy.appPool.query(
      `select current_setting('statement_timeout') as statement,
              current_setting('idle_in_transaction_session_timeout') as idle`,
    );
    expect(rows[0]).toEqual({ statement: '3s', idle: '1s' });
  });

  it.each(ISOLATIONS)(
    'end a %s transaction left idle, as a fault the next scope does not see',
    async (isolation) => {
      const tenant = tenants[isolation]!;
      const stalled = tb.services.tenancy.withTenant(tenant, async (scope) => {
        await sql`select 1`.execute(scope.db);
        await sleep(2500); // what a transaction waiting on the network looks like to the server
        await sql`select 1`.execute(scope.db);
      });
      const error = await stalled.then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error).toBeDefined();
      expect(isConnectionFault(error)).toBe(true);
      const again = await tb.services.tenancy.withTenant(tenant, async (scope) => {
        const { rows } = await sql<{ one: number }>`select 1 as one`.execute(scope.db);
        return rows[0]!.one;
      });
      expect(again).toBe(1);
    },
  );

  it.each(ISOLATIONS)(
    'answer 503 when a %s write outlasts the statement timeout, and write nothing',
    async (isolation) => {
      const tenant = { id: `slow-${isolation}`, isolation };
      const token = await tb.login(`owner@${tenant.id}.test`, 'owner-password-1', tenant.id);
      const count = () =>
        asStorageOwner(tb, tenant, async (client, table) =>
          Number((await client.query(`select count(*) as n from ${table('deployments')}`)).rows[0].n),
        );
      const before = await count();
      const holder = await storageClient(tb, tenant);
      try {
        const unlock = await holdAuditLock(holder, tenant);
        const blocked = api(tb, token, 'POST', '/deployments', { payload: { project_name: 'too-slow' } });
        await waitForLockedBackend(holder, [
          tb.services.tenancy.endpoints.names.appRole,
          tb.services.tenancy.endpoints.names.roleFor(tenant.id as TenantId),
        ]);
        const response = await blocked;
        await unlock();
        expect(response.statusCode).toBe(503);
        expect(response.headers['retry-after']).toBeTruthy();
        expect(response.json().error.code).toBe('UNAVAILABLE');
      } finally {
        await holder.end();
      }
      expect(await count()).toBe(before);
      const created = await api(tb, token, 'POST', '/deployments', { payload: { project_name: 'in-time' } });
      expect(created.statusCode).toBe(201);
    },
    30_000,
  );

  it('answer 503 to a request that cannot get a tenant database connection in time', async () => {
    const tenant = { id: 'slow-database', isolation: 'database' as const };
    const token = await tb.login(`owner@${tenant.id}.test`, 'owner-password-1', tenant.id);
    const holder = await storageClient(tb, tenant);
    try {
      const unlock = await holdAuditLock(holder, tenant);
      // TENANT_DB_POOL_MAX=1: this request holds the database's only connection while it waits.
      const blocked = api(tb, token, 'POST', '/deployments', { payload: { project_name: 'holder' } });
      await waitForLockedBackend(holder, [
        tb.services.tenancy.endpoints.names.appRole,
        tb.services.tenancy.endpoints.names.roleFor(tenant.id as TenantId),
      ]);
      const waiting = await api(tb, token, 'GET', '/deployments');
      expect(waiting.statusCode).toBe(503);
      expect(waiting.json().error.code).toBe('UNAVAILABLE');
      expect((await blocked).statusCode).toBe(503);
      await unlock();
    } finally {
      await holder.end();
    }
    expect((await api(tb, token, 'GET', '/deployments')).statusCode).toBe(200);
  }, 30_000);
});
