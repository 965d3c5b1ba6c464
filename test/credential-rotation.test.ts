import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCliCaptured } from './support/run-cli-captured.js';
import { rotateTenantCredentials } from '../src/tenancy/credentials/rotate-tenant-credentials.js';
import type { TenantId } from '../src/tenancy/tenant-id.js';
import { startTestInstance, type TestInstance } from './support/test-instance.js';

let tb: TestInstance;
/** A second process on the same databases, whose few connections keep changing tenant (so it logs in all the time). */
let second: TestInstance;
const tenants = ['rot-db-a', 'rot-db-b'];

beforeAll(async () => {
  tb = await startTestInstance();
  for (const id of tenants) await tb.createTenant({ id, isolation: 'database', tier: 'enterprise' });
  await tb.createTenant({ id: 'rot-schema', isolation: 'schema' });
  second = await startTestInstance({
    env: { ...tb.env, TENANT_DB_CONNECTION_CAP: '1', JOB_CONCURRENCY: '0' },
  });
}, 120_000);

afterAll(async () => {
  await second?.close();
  await tb?.destroy();
});

const cli = (...argv: string[]) => runCliCaptured(argv, tb.env);

/** Whether the server refuses the tenant role's login with a wrong password. */
async function refusesWrongPassword(id: string): Promise<boolean> {
  const { endpoints } = tb.services.tenancy;
  const url = new URL(endpoints.adminUrl);
  url.pathname = `/${endpoints.names.databaseFor(id as TenantId)}`;
  url.username = endpoints.names.roleFor(id as TenantId);
  url.password = 'not-the-password';
  const client = new pg.Client({ connectionString: url.toString() });
  try {
    await client.connect();
    return false;
  } catch (error) {
    expect((error as { code?: string }).code).toBe('28P01');
    return true;
  } finally {
    await client.end().catch(() => undefined);
  }
}

describe('tenants rotate-credentials', () => {
  it(
    'rotates under a loop of requests in two processes with zero failed requests',
    { timeout: 120_000 },
    async () => {
      const tokens = await Promise.all(
        tenants.map((id) => tb.login(`owner@${id}.test`, 'owner-password-1', id)),
      );
      const passwordsBefore = await Promise.all(
        tenants.map((id) => tb.services.tenancy.credentials.passwordFor(id as TenantId)),
      );
      let running = true;
      const statuses: number[] = [];
      const loop = async (instance: TestInstance, lane: number) => {
        for (let i = 0; running; i++) {
          const t = (i + lane) % tenants.length;
          const response = await instance.app.inject({
            method: i % 2 ? 'POST' : 'GET',
            url: '/api/v1/deployments',
            headers: { authorization: `Bearer ${tokens[t]}` },
            ...(i % 2 ? { payload: { project_name: `rot-${lane}-${i}` } } : {}),
          });
          statuses.push(response.statusCode);
          if (response.statusCode >= 300) throw new Error(`${response.statusCode} ${response.body}`);
        }
      };
      const loops = [0, 1, 2, 3].map((lane) => loop(lane % 2 ? second : tb, lane));
      for (let round = 0; round < 3; round++) {
        await new Promise((resolve) => setTimeout(resolve, 300));
        for (const id of tenants) {
          const result = await rotateTenantCredentials(
            tb.services.tenancy,
            (await tb.services.tenancy.registry.load(id as TenantId))!,
          );
          expect(result).toEqual({ tenant: id, rotated: true });
        }
      }
      await new Promise((resolve) => setTimeout(resolve, 300));
      running = false;
      await Promise.all(loops);
      expect(statuses.length).toBeGreaterThan(20);
      expect(statuses.filter((status) => status >= 300)).toEqual([]);
      const { credentials } = second.services.tenancy;
      for (const [i, id] of tenants.entries())
        expect(await tb.services.tenancy.credentials.passwordFor(id as TenantId)).not.toBe(
          passwordsBefore[i],
        );
      // One more rotation leaves the second process holding an old password. Its connections
      // closed, its next login is refused once (28P01), re-reads the secret and succeeds.
      for (const id of tenants) {
        await credentials.passwordFor(id as TenantId);
        await rotateTenantCredentials(
          tb.services.tenancy,
          (await tb.services.tenancy.registry.load(id as TenantId))!,
        );
        expect(await credentials.passwordFor(id as TenantId)).not.toBe(
          await tb.services.tenancy.credentials.passwordFor(id as TenantId),
        );
      }
      await second.services.tenancy.tenantDatabases.closeAll();
      for (const [i, id] of tenants.entries()) {
        // A write: a GET might be answered from the response cache without a connection.
        const created = await second.app.inject({
          method: 'POST',
          url: '/api/v1/deployments',
          headers: { authorization: `Bearer ${tokens[i]}` },
          payload: { project_name: 'after-rotation' },
        });
        expect(created.statusCode, created.body).toBe(201);
        // A server that checks no password (trust, as some test machines run) never refuses the old one.
        if (!(await refusesWrongPassword(id))) continue;
        expect(await credentials.passwordFor(id as TenantId)).toBe(
          await tb.services.tenancy.credentials.passwordFor(id as TenantId),
        );
      }
    },
  );

  it('runs from the CLI for one tenant or all, and says why a tenant has nothing to rotate', async () => {
    const one = await cli('tenants', 'rotate-credentials', 'rot-db-a', '--json');
    expect(one.status).toBe(0);
    expect(JSON.parse(one.out)).toEqual([{ tenant: 'rot-db-a', rotated: true }]);
    const all = await cli('tenants', 'rotate-credentials', '--all', '--json');
    expect(all.status).toBe(0);
    expect(JSON.parse(all.out)).toEqual(tenants.map((tenant) => ({ tenant, rotated: true })));
    const schema = await cli('tenants', 'rotate-credentials', 'rot-schema');
    expect(schema.status).toBe(1);
    expect(schema.out).toMatch(/not rotated \(a schema tenant's role has no password\)/);
    expect((await cli('tenants', 'rotate-credentials')).status).toBe(2);
    expect((await cli('tenants', 'rotate-credentials', 'Bad Id!')).status).toBe(2);
    // Still serving after all that.
    const token = await tb.login('owner@rot-db-a.test', 'owner-password-1', 'rot-db-a');
    const list = await second.app.inject({
      url: '/api/v1/deployments',
      headers: { authorization: `Bearer ${token}` },
    });
    expect(list.statusCode).toBe(200);
  });
});
