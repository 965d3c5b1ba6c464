import { spawn } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../support/free-port.js';
import type { TenantId } from '../../src/tenancy/tenant-id.js';
import { startTestInstance, type TestInstance } from '../support/test-instance.js';

/*
 * A move whose server process is SIGKILLed in each phase in turn (copying, verifying, cutover):
 * each restarted process resumes the job, the tenant never points to an unverified copy and never
 * loses its storage, and the last one brings the move to `done` with the data intact.
 */
let tb: TestInstance;
let env: Record<string, string>;
const ID = 'mc-move';
const DEPLOYMENTS = 25;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function until<T>(what: string, probe: () => Promise<T | undefined | false>, timeoutMs = 90_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(100);
  }
}

beforeAll(async () => {
  tb = await startTestInstance({ extraEnv: { JOB_LEASE_SECONDS: '1' } });
  await tb.createTenant({ id: ID, isolation: 'schema' });
  const owner = await tb.login(`owner@${ID}.test`, 'owner-password-1', ID);
  for (let i = 0; i < DEPLOYMENTS; i++) {
    const created = await tb.app.inject({
      method: 'POST',
      url: '/api/v1/deployments',
      headers: { authorization: `Bearer ${owner}` },
      payload: { project_name: `app-${i}` },
    });
    expect(created.statusCode).toBe(201);
  }
  env = tb.env;
  await tb.close();
}, 120_000);
afterAll(async () => {
  await tb?.destroy();
});

/** A server process that resumes the move at start and dies in `phase`: resolves with its signal. */
async function crashingServer(phase: string): Promise<NodeJS.Signals | null> {
  const root = path.resolve(import.meta.dirname, '../..');
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'src/main.ts')], {
    cwd: root,
    env: {
      ...process.env,
      ...env,
      PORT: String(await freePort()),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      JOB_LEASE_SECONDS: '1',
      TENANTBASE_TEST_MOVE_CRASH_AT: phase,
    },
    stdio: 'ignore',
  });
  const killer = setTimeout(() => child.kill('SIGKILL'), 120_000);
  return new Promise((resolve) =>
    child.once('exit', (_code, signal) => {
      clearTimeout(killer);
      resolve(signal);
    }),
  );
}

async function registry() {
  const { default: pg } = await import('pg');
  const client = new pg.Client({ connectionString: env.DATABASE_URL });
  await client.connect();
  try {
    const tenant = await client.query(`select isolation from platform.tenants where id = $1`, [ID]);
    const move = await client.query(`select status from platform.tenant_moves where tenant_id = $1`, [ID]);
    const schema = await client.query(`select 1 from pg_namespace where nspname = 't_mc_move'`);
    return {
      isolation: tenant.rows[0].isolation,
      move: move.rows[0]?.status,
      schemaExists: schema.rowCount === 1,
    };
  } finally {
    await client.end();
  }
}

describe('a move SIGKILLed in every phase', () => {
  it(
    'resumes each time and ends done, the tenant always on verified storage',
    { timeout: 300_000 },
    async () => {
      const phases = ['copying', 'verifying', 'cutover'] as const;
      for (const [i, phase] of phases.entries()) {
        if (i === 0) {
          // The move is asked for by a process that runs no jobs, then left to the crashing ones.
          const asker = await startTestInstance({ env: { ...env, JOB_CONCURRENCY: '0' } });
          const started = await asker.app.inject({
            method: 'POST',
            url: `/api/v1/tenants/${ID}/move`,
            headers: { authorization: `Bearer ${await asker.adminToken()}` },
            payload: { isolation: 'pool' },
          });
          expect(started.statusCode).toBe(202);
          await asker.close();
        }
        // It resumes the move as it starts, perhaps before it answers /health.
        expect(await crashingServer(phase)).toBe('SIGKILL');
        const state = await registry();
        // Before the cutover the registry still names the schema, which still exists.
        expect(state).toMatchObject(
          phase === 'cutover'
            ? { isolation: 'pool', move: 'cutover', schemaExists: true }
            : { isolation: 'schema', move: phase, schemaExists: true },
        );
      }
      tb = await startTestInstance({ env });
      const move = await until('the move to end', async () => {
        const row = await tb.services.tenancy.platformDb
          .selectFrom('platform.tenant_moves')
          .selectAll()
          .where('tenant_id', '=', ID)
          .executeTakeFirst();
        return row && (row.status === 'done' || row.status === 'failed') ? row : undefined;
      });
      expect(move).toMatchObject({ status: 'done', error: null });
      expect(await registry()).toMatchObject({ isolation: 'pool', schemaExists: false });
      const tenant = (await tb.services.tenancy.registry.load(ID as TenantId))!;
      const count = await tb.services.tenancy.withTenant(
        tenant,
        (scope) =>
          scope.db
            .selectFrom('deployments')
            .select((eb) => eb.fn.countAll<string>().as('n'))
            .where('tenant_id', '=', scope.tenantId)
            .executeTakeFirstOrThrow(),
        'read',
      );
      expect(Number(count.n)).toBe(DEPLOYMENTS);
      const owner = await tb.login(`owner@${ID}.test`, 'owner-password-1', ID);
      const verify = await tb.app.inject({
        url: '/api/v1/audit/verify',
        headers: { authorization: `Bearer ${owner}` },
      });
      expect(verify.json().data).toMatchObject({ ok: true });
    },
  );
});
