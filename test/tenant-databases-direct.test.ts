import { execFile, spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { quoteIdent } from '../src/db/sql-identifier.js';
import { type SecondServer, startSecondServer } from './support/second-server.js';
import { ADMIN, startTestInstance, type TestInstance } from './support/test-instance.js';

/*
 * TENANT_DATABASES_DIRECT through a real PgBouncer 1.18 (Debian's) in transaction mode, in front of
 * each of two servers: the platform, pool and schema tenants go through PgBouncer (DATABASE_URL),
 * database tenants' request connections straight to their server (DATABASE_DIRECT_URL, and
 * DATABASE_SERVERS_DIRECT for the second), and provisioning on the second server (session advisory
 * locks, CREATE DATABASE) goes direct as well. PgBouncer's own SHOW POOLS proves which way each went.
 */
const run = promisify(execFile);
const script = fileURLToPath(new URL('../scripts/start-pgbouncer.sh', import.meta.url));

interface Bouncer {
  url: string;
  stop(): Promise<void>;
}

function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

/** PgBouncer (scripts/start-pgbouncer.sh) in front of the server of `serverUrl`, `postgres` its admin. */
async function startBouncer(serverUrl: string): Promise<Bouncer> {
  const server = new URL(serverUrl);
  const dir = await mkdtemp(path.join(os.tmpdir(), 'tenantbase-direct-bouncer-'));
  const password = decodeURIComponent(server.password);
  const { stdout } = await run(script, [dir, server.hostname, server.port || '5432'], {
    env: {
      ...process.env,
      ...(password ? { PGBOUNCER_AUTH_PASSWORD: password } : {}),
      PGBOUNCER_SETTINGS: 'admin_users = postgres',
    },
  });
  const secret = (await readFile(path.join(dir, 'password'), 'utf8')).trim();
  return {
    url: `postgres://postgres:${encodeURIComponent(secret)}@127.0.0.1:${stdout.trim()}/postgres`,
    async stop() {
      const pid = Number((await readFile(path.join(dir, 'pgbouncer.pid'), 'utf8').catch(() => '')).trim());
      if (pid) process.kill(pid, 'SIGTERM');
      await new Promise((resolve) => setTimeout(resolve, 300));
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** The databases PgBouncer holds a pool for (its admin console's SHOW POOLS). */
async function pooledDatabases(bouncer: Bouncer): Promise<string[]> {
  const client = new pg.Client({ connectionString: withDatabase(bouncer.url, 'pgbouncer') });
  await client.connect();
  try {
    const { rows } = await client.query<{ database: string }>('SHOW POOLS');
    return rows.map((row) => row.database);
  } finally {
    await client.end();
  }
}

let tb: TestInstance;
let second: SecondServer | undefined;
const bouncers: Bouncer[] = [];

/** Debian's PgBouncer: `.ci/run` installs it; a machine with only Node.js skips this suite. */
const hasPgBouncer = spawnSync('sh', ['-c', 'command -v pgbouncer']).status === 0;

beforeAll(async () => {
  if (!hasPgBouncer) return;
  const serverUrl = inject('serverUrl');
  second = await startSecondServer('tenantbase-direct-second-');
  bouncers.push(await startBouncer(serverUrl), await startBouncer(second.server.adminUrl));
  const namespace = `t${randomBytes(4).toString('hex')}`;
  const platform = `${namespace}_platform`;
  const admin = new pg.Client({ connectionString: withDatabase(serverUrl, 'postgres') });
  await admin.connect();
  await admin.query(`create database ${quoteIdent(platform)}`);
  await admin.end();
  // A whole environment (not extraEnv): DATABASE_URL must be this PgBouncer, whatever the run's own.
  tb = await startTestInstance({
    env: {
      DATABASE_URL: withDatabase(bouncers[0]!.url, platform),
      DATABASE_DIRECT_URL: withDatabase(serverUrl, platform),
      DATABASE_SERVERS: `second=${bouncers[1]!.url}`,
      DATABASE_SERVERS_DIRECT: `second=${second.server.adminUrl}`,
      TENANT_DATABASES_DIRECT: 'true',
      TENANTBASE_NAMESPACE: namespace,
      ADMIN_EMAIL: ADMIN.email,
      ADMIN_PASSWORD: ADMIN.password,
      TENANT_QUERY_GUARD: 'true',
      LOG_LEVEL: 'silent',
      AUDIT_SEAL_WAIT_MS: '2000',
      DATA_DIR: await mkdtemp(path.join(os.tmpdir(), 'tenantbase-data-')),
    },
  });
}, 240_000);

afterAll(async () => {
  await tb?.destroy().catch(() => undefined);
  for (const bouncer of bouncers) await bouncer.stop().catch(() => undefined);
  await second?.stop();
});

const auth = (token: string) => ({ authorization: `Bearer ${token}` });

describe.skipIf(!hasPgBouncer)('TENANT_DATABASES_DIRECT behind PgBouncer', () => {
  it(
    'serves database tenants on both servers directly, and everything else through PgBouncer',
    { timeout: 180_000 },
    async () => {
      const ids = ['dd-a', 'dd-b', 'dd-pool'];
      await tb.createTenant({ id: 'dd-a', isolation: 'database' });
      await tb.createTenant({ id: 'dd-b', isolation: 'database' });
      await tb.createTenant({ id: 'dd-pool', isolation: 'pool' });
      const owners = new Map<string, string>();
      for (const id of ids) owners.set(id, await tb.login(`owner@${id}.test`, 'owner-password-1', id));
      const placements = await Promise.all(
        ['dd-a', 'dd-b'].map(async (id) => {
          const res = await tb.app.inject({
            url: `/api/v1/tenants/${id}`,
            headers: auth(await tb.adminToken()),
          });
          return res.json().data.placement as string;
        }),
      );
      expect(placements).toEqual(['default', 'second']);

      // Writes and reads (prepared preamble on the direct connections), several per tenant.
      for (const id of ids) {
        for (const name of ['one', 'two']) {
          const created = await tb.app.inject({
            method: 'POST',
            url: '/api/v1/deployments',
            headers: auth(owners.get(id)!),
            payload: { project_name: `${id}-${name}` },
          });
          expect(created.statusCode).toBe(201);
        }
        for (let i = 0; i < 3; i++) {
          const listed = await tb.app.inject({ url: '/api/v1/deployments', headers: auth(owners.get(id)!) });
          expect(listed.statusCode).toBe(200);
          expect(
            listed
              .json()
              .data.map((d: { project_name: string }) => d.project_name)
              .sort(),
          ).toEqual([`${id}-one`, `${id}-two`]);
        }
      }

      const [first, other] = await Promise.all(bouncers.map(pooledDatabases));
      const tenantDatabases = (names: string[]) =>
        names.filter((name) => name.startsWith(`${tb.namespace}_tenant`));
      // The platform (and the pool tenant in it) went through PgBouncer; no tenant database did,
      // on either server, not even for provisioning.
      expect(first).toContain(`${tb.namespace}_platform`);
      expect(tenantDatabases(first!)).toEqual([]);
      expect(tenantDatabases(other!)).toEqual([]);
      // ... and the second server's tenant database has its connections straight from the app.
      const direct = new pg.Client({ connectionString: withDatabase(second!.server.adminUrl, 'postgres') });
      await direct.connect();
      try {
        const { rows } = await direct.query<{ n: number }>(
          `select count(*)::int as n from pg_stat_activity where datname like $1`,
          [`${tb.namespace}\\_tenant\\_%`],
        );
        expect(rows[0]!.n).toBeGreaterThan(0);
      } finally {
        await direct.end();
      }
      // Reached directly, a tenant's own role gets the statement timeout as a startup parameter
      // (behind PgBouncer only the application role has it, as a role default).
      const tenantClient = await tb.services.tenancy.tenantDatabases.connect(
        `second/${tb.namespace}_tenant_dd_b/dd-b`,
      );
      try {
        const { rows } = await tenantClient.query<{ current_user: string; timeout: string }>(
          `select current_user, current_setting('statement_timeout') as timeout`,
        );
        expect(rows[0]).toEqual({ current_user: `${tb.namespace}_t_dd_b`, timeout: '30s' });
      } finally {
        tenantClient.release();
      }
    },
  );
});
