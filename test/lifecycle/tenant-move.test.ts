import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { prepareMoveSession } from '../../src/modules/tenant-move/storage-sync.js';
import { fenceStorage, unfenceStorage } from '../../src/modules/tenant-move/storage-fence.js';
import { readTableLayout } from '../../src/modules/tenant-archive/table-layout.js';
import type { TenantLocation } from '../../src/tenancy/isolation/isolation-model.js';
import type { TenantId } from '../../src/tenancy/tenant-id.js';
import type { Isolation } from '../../src/tenancy/tenant-scope.js';
import { runCli } from '../../src/cli/run-cli.js';
import { startTestInstance, type TestInstance } from '../support/test-instance.js';

/*
 * Every pair of isolation models: a tenant with users, roles, an API key, deployments and an
 * audit trail moves while it keeps its id; afterwards its rows are the same row for row, the
 * owner's old token and the API key still work, the audit chain verifies and the old storage is gone.
 */
let tb: TestInstance;

const PAIRS: Array<[Isolation, Isolation]> = [
  ['pool', 'schema'],
  ['pool', 'database'],
  ['schema', 'pool'],
  ['schema', 'database'],
  ['database', 'pool'],
  ['database', 'schema'],
];

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function until<T>(what: string, probe: () => Promise<T | undefined | false>, timeoutMs = 120_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(50);
  }
}

async function call(method: 'GET' | 'POST' | 'PATCH', url: string, token?: string, payload?: object) {
  return tb.app.inject({
    method,
    url,
    headers: { authorization: `Bearer ${token ?? (await tb.adminToken())}` },
    ...(payload ? { payload } : {}),
  });
}

/** Every row of every tenant table of the tenant, as jsonb text in key order, read as the owner. */
async function tenantRows(location: TenantLocation): Promise<Record<string, string[]>> {
  const { client, schema } = await tb.services.tenancy.ownerStorage(location);
  try {
    await prepareMoveSession(client, location.id);
    const run = async <R>(text: string, values?: unknown[]) => (await client.query(text, values)).rows as R[];
    const out: Record<string, string[]> = {};
    for (const table of tb.services.tenancy.tenantTables) {
      const layout = await readTableLayout(run, schema, table);
      if (!layout) continue;
      const keys = layout.key.map((k) => `r."${k.name}"`).join(', ');
      const rows = await run<{ row: string }>(
        `select to_jsonb(r)::text as row from ${layout.qualified} r where r.tenant_id = $1 order by ${keys}`,
        [location.id],
      );
      out[table] = rows.map((r) => r.row);
    }
    return out;
  } finally {
    await client.end();
  }
}

async function moveAndWait(id: string, body: object) {
  const started = await call('POST', `/api/v1/tenants/${id}/move`, undefined, body);
  expect(started.statusCode, started.body).toBe(202);
  const move = started.json().data;
  // Six moves share the job slots with the other suites' work on a 2-core runner: they finish
  // in about 45 s alone, and a loaded CI machine (one saw 2.2× everything) needs the margin.
  return until(
    `the move of ${id}`,
    async () => {
      const data = (await call('GET', `/api/v1/tenants/${id}/moves/${move.id}`)).json().data;
      return data.status === 'done' || data.status === 'failed' ? data : undefined;
    },
    300_000,
  );
}

beforeAll(async () => {
  tb = await startTestInstance({ extraEnv: { JOB_CONCURRENCY: '6' } });
}, 120_000);
afterAll(async () => {
  await tb?.destroy();
});

describe('moving a tenant between isolation models keeps its id, data and credentials', () => {
  it('works for every pair of models', { timeout: 480_000 }, async () => {
    await Promise.all(
      PAIRS.map(async ([from, to]) => {
        const id = `mv-${from.slice(0, 2)}-${to.slice(0, 2)}`;
        await tb.createTenant({ id, isolation: from, tier: 'enterprise' });
        const owner = await tb.login(`owner@${id}.test`, 'owner-password-1', id);
        for (let i = 0; i < 12; i++) {
          const created = await call('POST', '/api/v1/deployments', owner, { project_name: `app-${i}` });
          expect(created.statusCode).toBe(201);
        }
        const type = await call('POST', '/api/v1/entry-types', owner, {
          key: 'notes',
          name: 'Notes',
          schema: { type: 'object', properties: { title: { type: 'string' }, rank: { type: 'integer' } } },
        });
        expect(type.statusCode, type.body).toBe(201);
        for (const [title, rank] of [
          ['Move the archive', 2],
          ['Keep the keys', 1],
        ] as const)
          expect(
            (await call('POST', '/api/v1/entries/notes', owner, { data: { title, rank } })).statusCode,
          ).toBe(201);
        const key = await call('POST', '/api/v1/api-keys', owner, {
          name: 'ci',
          permissions: ['deployments:read'],
        });
        expect(key.statusCode, key.body).toBe(201);
        const secret = key.json().data.secret as string;
        const location = { id: id as TenantId, isolation: from, placement: 'default' };
        const before = await tenantRows(location);
        expect(before.deployments).toHaveLength(12);

        // Writes go on while the move runs: each one the API confirmed must be there afterwards.
        let moving = true;
        const kept = new Set<string>();
        const writer = (async () => {
          for (let i = 0; moving; i++) {
            const created = await call('POST', '/api/v1/deployments', owner, { project_name: `live-${i}` });
            if (created.statusCode === 201) kept.add(created.json().data.id);
            else expect(created.statusCode, created.body).toBe(503);
            if (i % 3 === 2 && kept.size > 0) {
              const victim = [...kept][0]!;
              const removed = await tb.app.inject({
                method: 'DELETE',
                url: `/api/v1/deployments/${victim}`,
                headers: { authorization: `Bearer ${owner}` },
              });
              if (removed.statusCode === 204) kept.delete(victim);
            }
          }
        })();
        const move = await moveAndWait(id, { isolation: to }).finally(() => {
          moving = false;
        });
        await writer;
        expect(move, JSON.stringify(move)).toMatchObject({
          status: 'done',
          tenant_id: id,
          from: { isolation: from, placement: 'default' },
          to: { isolation: to, placement: 'default' },
          error: null,
        });
        expect(move.rows_copied).toBeGreaterThan(12);

        const tenant = (await call('GET', `/api/v1/tenants/${id}`)).json().data;
        expect(tenant).toMatchObject({ id, isolation: to, status: 'active' });
        const after = await tenantRows({ ...location, isolation: to });
        const initial = new Set(before.deployments!.map((row) => JSON.parse(row).id as string));
        const live = after
          .deployments!.map((row) => JSON.parse(row).id as string)
          .filter((d) => !initial.has(d));
        expect(live.sort()).toEqual([...kept].sort());
        for (const table of Object.keys(before)) {
          if (['deployments', 'audit_log', 'api_keys'].includes(table)) continue;
          expect(after[table], table).toEqual(before[table]);
        }
        expect(after.deployments!.filter((row) => initial.has(JSON.parse(row).id))).toEqual(
          before.deployments,
        );
        // The old storage is gone: its schema or database, or its rows in the pool.
        const old = await tb.services.tenancy.inspect(location);
        expect(old.rows).toBe(0);
        if (from !== 'pool') expect(old.exists).toBe(false);

        const listed = await call('GET', '/api/v1/deployments?per_page=100', owner);
        expect(listed.statusCode).toBe(200);
        expect(listed.json().pagination.total).toBe(12 + kept.size);
        expect((await call('GET', '/api/v1/deployments', secret)).statusCode).toBe(200);
        // Entries' side tables moved with them: lists still seek them.
        const titles = async (query: string) =>
          (await call('GET', `/api/v1/entries/notes?${query}`, owner))
            .json()
            .data.map((e: { data: { title: string } }) => e.data.title);
        expect(await titles('q=archive')).toEqual(['Move the archive']);
        expect(await titles('filter[rank]=1')).toEqual(['Keep the keys']);
        expect(await titles('sort=data.rank')).toEqual(['Keep the keys', 'Move the archive']);
        const written = await call('POST', '/api/v1/deployments', owner, { project_name: 'after-move' });
        expect(written.statusCode, written.body).toBe(201);
        const verify = await call('GET', '/api/v1/audit/verify', owner);
        expect(verify.json().data).toMatchObject({ ok: true });
        expect(await tb.login(`owner@${id}.test`, 'owner-password-1', id)).toEqual(expect.any(String));
      }),
    );
  });
});

describe('what a move refuses', () => {
  it(
    'answers 404 for a deleted tenant, 409 for a suspended one, 400 for no change',
    { timeout: 120_000 },
    async () => {
      await tb.createTenant({ id: 'mv-gone', isolation: 'pool' });
      await tb.createTenant({ id: 'mv-susp', isolation: 'schema' });
      await tb.createTenant({ id: 'mv-same', isolation: 'schema' });
      expect((await call('POST', '/api/v1/tenants/mv-susp/suspend')).statusCode).toBe(200);
      const deleted = await tb.app.inject({
        method: 'DELETE',
        url: '/api/v1/tenants/mv-gone?confirm=mv-gone',
        headers: { authorization: `Bearer ${await tb.adminToken()}` },
      });
      expect(deleted.statusCode).toBe(202);

      const gone = await call('POST', '/api/v1/tenants/mv-gone/move', undefined, { isolation: 'schema' });
      expect(gone.statusCode).toBe(404);
      expect(gone.json().error.code).toBe('TENANT_NOT_FOUND');
      const suspended = await call('POST', '/api/v1/tenants/mv-susp/move', undefined, { isolation: 'pool' });
      expect(suspended.statusCode).toBe(409);
      const same = await call('POST', '/api/v1/tenants/mv-same/move', undefined, { isolation: 'schema' });
      expect(same.statusCode).toBe(400);
      const placed = await call('POST', '/api/v1/tenants/mv-same/move', undefined, {
        isolation: 'pool',
        placement: 'default',
      });
      expect(placed.statusCode).toBe(400);
      expect(placed.json().error.details[0].path).toBe('placement');

      const first = await call('POST', '/api/v1/tenants/mv-same/move', undefined, { isolation: 'pool' });
      expect(first.statusCode).toBe(202);
      const second = await call('POST', '/api/v1/tenants/mv-same/move', undefined, { isolation: 'database' });
      expect(second.statusCode).toBe(409);
      expect(second.json().error.code).toBe('CONFLICT');
      const tenantUser = await tb.login('owner@mv-same.test', 'owner-password-1', 'mv-same');
      const byTenant = await call('POST', '/api/v1/tenants/mv-same/move', tenantUser, {
        isolation: 'database',
      });
      expect(byTenant.statusCode).toBe(403);
      const other = await call('GET', `/api/v1/tenants/mv-susp/moves/${first.json().data.id}`);
      expect(other.statusCode).toBe(404);
      await until('the first move', async () => {
        const data = (await call('GET', `/api/v1/tenants/mv-same/moves/${first.json().data.id}`)).json().data;
        return data.status === 'done' ? data : undefined;
      });
    },
  );
});

describe('the write freeze', () => {
  it(
    'makes a write wait, then answer 503 with Retry-After: 1; reads go on',
    { timeout: 60_000 },
    async () => {
      await tb.createTenant({ id: 'mv-frz', isolation: 'schema' });
      const owner = await tb.login('owner@mv-frz.test', 'owner-password-1', 'mv-frz');
      const { tenancy } = tb.services;
      const location = { id: 'mv-frz' as TenantId, isolation: 'schema' as const, placement: 'default' };
      await fenceStorage(tenancy, location, '00000000-0000-4000-8000-000000000000');
      const refused = await call('POST', '/api/v1/deployments', owner, { project_name: 'frozen' });
      expect(refused.statusCode).toBe(503);
      expect(refused.headers['retry-after']).toBe('1');
      expect(refused.json().error.code).toBe('UNAVAILABLE');
      const read = await call('GET', '/api/v1/deployments', owner);
      expect(read.statusCode, read.body).toBe(200);

      // A write that starts during the freeze and sees it lifted within 2 s goes through.
      const waiting = call('POST', '/api/v1/deployments', owner, { project_name: 'waited' });
      await sleep(300);
      await unfenceStorage(tenancy, location);
      const waited = await waiting;
      expect(waited.statusCode, waited.body).toBe(201);
      const names = (await call('GET', '/api/v1/deployments', owner))
        .json()
        .data.map((d: { project_name: string }) => d.project_name);
      expect(names).toEqual(['waited']);
    },
  );

  it(
    'fences the old storage in the database, against a process that has not heard',
    { timeout: 60_000 },
    async () => {
      const { tenancy } = tb.services;
      for (const isolation of ['schema', 'pool'] as const) {
        const id = `mv-fence-${isolation}`;
        await tb.createTenant({ id, isolation });
        const location = { id: id as TenantId, isolation, placement: 'default' };
        await fenceStorage(tenancy, location, '00000000-0000-4000-8000-000000000001');
        // A fleet migration or a role repair meanwhile must not hand the old storage its writes back.
        if (isolation === 'schema') await tenancy.provision(location);
        // Straight as the application role, as a process that never read the freeze would write.
        const app = new pg.Client({ connectionString: tenancy.endpoints.appUrl });
        await app.connect();
        try {
          const schema = isolation === 'pool' ? 'pool' : `t_${id.replace(/-/g, '_')}`;
          await app.query('begin');
          await app.query(`select set_config('tenantbase.tenant_id', $1, true)`, [id]);
          await expect(
            app.query(`delete from "${schema}".deployments where tenant_id = $1`, [id]),
          ).rejects.toMatchObject({
            code: '42501',
          });
          await app.query('rollback');
          // Another pool tenant is not fenced.
          if (isolation === 'pool') {
            await app.query('begin');
            await app.query(`select set_config('tenantbase.tenant_id', 'default', true)`);
            await app.query(`delete from pool.deployments where tenant_id = 'default' and false`);
            await app.query('rollback');
          }
        } finally {
          await app.end();
        }
        await unfenceStorage(tenancy, location);
        const owner = await tb.login(`owner@${id}.test`, 'owner-password-1', id);
        expect((await call('POST', '/api/v1/deployments', owner, { project_name: 'free' })).statusCode).toBe(
          201,
        );
      }
    },
  );
});

describe('tenantbase tenants move', () => {
  it('moves a tenant and waits, with --json for scripts', { timeout: 120_000 }, async () => {
    await tb.createTenant({ id: 'mv-cli', isolation: 'schema' });
    const out: string[] = [];
    const err: string[] = [];
    const status = await runCli(
      ['tenants', 'move', 'mv-cli', '--isolation', 'database', '--wait', '--json'],
      {
        env: tb.env,
        io: { out: (text) => out.push(text), err: (text) => err.push(text) },
      },
    );
    expect(status, err.join('\n')).toBe(0);
    expect(JSON.parse(out.join('\n'))).toMatchObject({
      tenant_id: 'mv-cli',
      status: 'done',
      to: { isolation: 'database' },
    });
    const bad = await runCli(['tenants', 'move', 'mv-cli', '--isolation', 'nowhere'], {
      env: tb.env,
      io: { out: () => undefined, err: () => undefined },
    });
    expect(bad).toBe(2);
  });
});
