import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SecondServer, startSecondServer } from './support/second-server.js';
import { startTestInstance, type TestInstance } from './support/test-instance.js';

/*
 * DATABASE_SERVERS with a second, embedded PostgreSQL: database tenants are placed on the server
 * with the fewest of them (ties: `default` first, then the configured order), each server has its
 * own connection budget, a tenant moves to the other server keeping its id, and when one server
 * stops only its tenants get 503 UNAVAILABLE while everybody else goes on answering.
 */
let tb: TestInstance;
let second: SecondServer | undefined;
const CAP = 3;

beforeAll(async () => {
  second = await startSecondServer();
  tb = await startTestInstance({
    extraEnv: {
      DATABASE_SERVERS: `second=${second.server.adminUrl}`,
      TENANT_DB_CONNECTION_CAP: String(CAP),
      TENANT_DB_POOL_MAX: '4',
    },
  });
}, 240_000);
afterAll(async () => {
  await tb?.destroy().catch(() => undefined);
  await second?.stop();
});

const auth = (token: string) => ({ authorization: `Bearer ${token}` });

async function placementOf(id: string): Promise<string> {
  const res = await tb.app.inject({ url: `/api/v1/tenants/${id}`, headers: auth(await tb.adminToken()) });
  return res.json().data.placement;
}

describe('database tenants over two servers', () => {
  const ids = ['ss-a', 'ss-b', 'ss-c', 'ss-d'];
  const owners = new Map<string, string>();

  it('places each new database tenant on the server with the fewest', { timeout: 180_000 }, async () => {
    for (const id of ids) {
      await tb.createTenant({ id, isolation: 'database' });
      owners.set(id, await tb.login(`owner@${id}.test`, 'owner-password-1', id));
    }
    expect(await Promise.all(ids.map(placementOf))).toEqual(['default', 'second', 'default', 'second']);
    const listed = await tb.app.inject({
      url: '/api/v1/platform/database-servers',
      headers: auth(await tb.adminToken()),
    });
    expect(listed.json().data).toEqual([
      { name: 'default', database_tenants: 2 },
      { name: 'second', database_tenants: 2 },
    ]);
    await tb.createTenant({ id: 'ss-pool', isolation: 'pool' });
    owners.set('ss-pool', await tb.login('owner@ss-pool.test', 'owner-password-1', 'ss-pool'));
    // The servers are the platform's business: a tenant's owner is refused them.
    const byTenant = await tb.app.inject({
      url: '/api/v1/platform/database-servers',
      headers: auth(owners.get('ss-a')!),
    });
    expect(byTenant.statusCode).toBe(403);
  });

  it('keeps each server within its own connection budget under load', { timeout: 120_000 }, async () => {
    const { tenantDatabases } = tb.services.tenancy;
    let peakDefault = 0;
    let peakSecond = 0;
    let peakTotal = 0;
    let sampling = true;
    const sampler = (async () => {
      while (sampling) {
        peakDefault = Math.max(peakDefault, tenantDatabases.openConnectionsOn('default'));
        peakSecond = Math.max(peakSecond, tenantDatabases.openConnectionsOn('second'));
        peakTotal = Math.max(peakTotal, tenantDatabases.openConnections);
        await new Promise((resolve) => setTimeout(resolve, 2));
      }
    })();
    const statuses = await Promise.all(
      Array.from({ length: 80 }, (_, i) => {
        const id = ids[i % ids.length]!;
        return tb.app
          .inject({ url: '/api/v1/deployments?per_page=5', headers: auth(owners.get(id)!) })
          .then((res) => res.statusCode);
      }),
    );
    sampling = false;
    await sampler;
    expect(statuses.every((s) => s === 200)).toBe(true);
    // Both servers were used, and neither went past its own cap (one shared budget would allow 2 × CAP on one).
    expect(peakDefault).toBeGreaterThan(0);
    expect(peakSecond).toBeGreaterThan(0);
    expect(peakDefault).toBeLessThanOrEqual(CAP);
    expect(peakSecond).toBeLessThanOrEqual(CAP);
    // Together they held more than one cap: the budgets are separate, not one shared by both.
    expect(peakTotal).toBeGreaterThan(CAP);
  });

  it(
    'moves a database tenant to the other server, keeping its id and data',
    { timeout: 180_000 },
    async () => {
      const owner = owners.get('ss-a')!;
      for (const name of ['one', 'two', 'three']) {
        const created = await tb.app.inject({
          method: 'POST',
          url: '/api/v1/deployments',
          headers: auth(owner),
          payload: { project_name: name },
        });
        expect(created.statusCode).toBe(201);
      }
      const admin = await tb.adminToken();
      const started = await tb.app.inject({
        method: 'POST',
        url: '/api/v1/tenants/ss-a/move',
        headers: auth(admin),
        payload: { isolation: 'database', placement: 'second' },
      });
      expect(started.statusCode, started.body).toBe(202);
      expect(started.json().data).toMatchObject({
        from: { isolation: 'database', placement: 'default' },
        to: { isolation: 'database', placement: 'second' },
      });
      const moveId = started.json().data.id;
      let move: { status: string; error: string | null } = { status: 'queued', error: null };
      const deadline = Date.now() + 150_000;
      while (move.status !== 'done' && move.status !== 'failed' && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 200));
        move = (
          await tb.app.inject({ url: `/api/v1/tenants/ss-a/moves/${moveId}`, headers: auth(admin) })
        ).json().data;
      }
      expect(move).toMatchObject({ status: 'done', error: null });
      expect(await placementOf('ss-a')).toBe('second');
      const listed = await tb.app.inject({ url: '/api/v1/deployments', headers: auth(owner) });
      expect(listed.statusCode).toBe(200);
      expect(
        listed
          .json()
          .data.map((d: { project_name: string }) => d.project_name)
          .sort(),
      ).toEqual(['one', 'three', 'two']);
      const old = await tb.services.tenancy.inspect({
        id: 'ss-a' as never,
        isolation: 'database',
        placement: 'default',
      });
      expect(old.exists).toBe(false);
    },
  );

  it('when one server stops, only its tenants answer 503', { timeout: 120_000 }, async () => {
    await second!.server.stop();
    const onSecond = ['ss-a', 'ss-b', 'ss-d'];
    const elsewhere = ['ss-c', 'ss-pool'];
    // Writes: a list could come from the response cache without touching the server.
    const write = (id: string, round: number) =>
      tb.app.inject({
        method: 'POST',
        url: '/api/v1/deployments',
        headers: auth(owners.get(id)!),
        payload: { project_name: `while-down-${round}` },
      });
    for (let round = 0; round < 2; round++) {
      for (const id of onSecond) {
        const res = await write(id, round);
        expect(res.statusCode, `${id}: ${res.body}`).toBe(503);
        expect(res.json().error.code).toBe('UNAVAILABLE');
        expect(res.headers['retry-after']).toBe('1');
      }
      for (const id of elsewhere) {
        const res = await write(id, round);
        expect(res.statusCode, `${id}: ${res.body}`).toBe(201);
        const read = await tb.app.inject({
          url: `/api/v1/deployments/${res.json().data.id}`,
          headers: auth(owners.get(id)!),
        });
        expect(read.statusCode).toBe(200);
      }
    }
    const platform = await tb.app.inject({ url: '/api/v1/tenants', headers: auth(await tb.adminToken()) });
    expect(platform.statusCode).toBe(200);
  });
});
