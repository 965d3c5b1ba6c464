import { mkdtempSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import { runCli } from '../src/cli/run-cli.js';
import { loadConfig } from '../src/config.js';
import { quoteIdent, quoteLiteral } from '../src/db/sql-identifier.js';
import { startTenantbase } from '../src/server.js';
import { checkIsolation } from '../src/tenancy/doctor/check-isolation.js';
import { ADMIN, ISOLATIONS, startTestInstance, type TestInstance } from './support/test-instance.js';
import { tokenIn, waitForMail } from './support/outbox.js';

function withDatabase(url: string, database: string, user?: { name: string; password: string }): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  if (user) {
    parsed.username = user.name;
    parsed.password = user.password;
  }
  return parsed.toString();
}

async function asServerAdmin(work: (client: pg.Client) => Promise<void>): Promise<void> {
  const client = new pg.Client({ connectionString: withDatabase(inject('serverUrl'), 'postgres') });
  await client.connect();
  try {
    await work(client);
  } finally {
    await client.end();
  }
}

/** Settings of an instance whose application role the operator made (DATABASE_APP_URL). */
function operatorEnv(namespace: string, role: { name: string; password: string }): Record<string, string> {
  const serverUrl = inject('serverUrl');
  return {
    DATABASE_URL: withDatabase(serverUrl, `${namespace}_platform`),
    DATABASE_APP_URL: withDatabase(serverUrl, `${namespace}_platform`, role),
    TENANTBASE_NAMESPACE: namespace,
    ADMIN_EMAIL: ADMIN.email,
    ADMIN_PASSWORD: ADMIN.password,
    TENANT_QUERY_GUARD: 'true',
    LOG_LEVEL: 'silent',
    DATA_DIR: mkdtempSync(path.join(os.tmpdir(), 'tenantbase-data-')),
    ...(process.env.REDIS_URL ? { REDIS_URL: process.env.REDIS_URL } : {}),
  };
}

/** A fresh platform database and a plain login role that owns nothing, as a DBA would hand it over. */
async function operatorRole(): Promise<{ namespace: string; role: { name: string; password: string } }> {
  const namespace = `t${randomBytes(4).toString('hex')}`;
  const role = { name: `${namespace}_operator`, password: randomBytes(12).toString('hex') };
  await asServerAdmin(async (admin) => {
    await admin.query(`create database ${quoteIdent(`${namespace}_platform`)}`);
    await admin.query(
      `create role ${quoteIdent(role.name)} login nosuperuser nobypassrls password ${quoteLiteral(role.password)}`,
    );
  });
  return { namespace, role };
}

async function startWithOperatorRole(): Promise<{ tb: TestInstance; role: string }> {
  const { namespace, role } = await operatorRole();
  const tb = await startTestInstance({ env: operatorEnv(namespace, role) });
  return { tb, role: role.name };
}

const ways = [
  ['created by Tenantbase', async () => ({ tb: await startTestInstance(), role: undefined })],
  ['given by the operator (DATABASE_APP_URL)', startWithOperatorRole],
] as const;

describe.each(ways)('an application role %s', (_way, start) => {
  let tb: TestInstance;
  let operatorRole: string | undefined;
  let app: pg.Pool;

  beforeAll(async () => {
    ({ tb, role: operatorRole } = await start());
    app = new pg.Pool({ connectionString: tb.services.tenancy.endpoints.appUrl, max: 1 });
    app.on('error', () => undefined);
  });
  afterAll(async () => {
    await app?.end();
    await tb?.destroy();
    if (operatorRole)
      await asServerAdmin((admin) =>
        admin.query(`drop role if exists ${quoteIdent(operatorRole!)}`).then(() => undefined),
      );
  });

  async function refused(sql: string): Promise<void> {
    await expect(app.query(sql), sql).rejects.toMatchObject({ code: '42501' });
  }

  it('boots on a fresh platform database and is the role the application connects as', async () => {
    const { rows } = await app.query<{ user: string }>('select current_user as user');
    expect(rows[0]!.user).toBe(operatorRole ?? `${tb.namespace}_app`);
  });

  it('serves a tenant in every isolation model, and every isolation check passes', async () => {
    for (const isolation of ISOLATIONS) {
      await tb.createTenant({ id: `grants-${isolation}`, isolation });
      const created = await tb.app.inject({
        method: 'POST',
        url: '/api/v1/deployments',
        headers: { authorization: `Bearer ${await tb.adminToken()}`, 'x-tenant-id': `grants-${isolation}` },
        payload: { project_name: `row of ${isolation}` },
      });
      expect(created.statusCode, created.body).toBe(201);
    }
    const results = await checkIsolation(tb.services.tenancy);
    expect(results.filter((result) => result.status !== 'ok')).toEqual([]);
  });

  it('cannot read private signing keys, password hashes or the platform secrets', async () => {
    await refused('select * from platform.signing_keys');
    await refused('select private_jwk from platform.signing_keys');
    await refused('select * from platform.platform_admins');
    await refused('select password_hash from platform.platform_admins');
    await refused('select * from platform.secrets');
    // What the application does need of the administrators stays readable.
    const admins = await app.query('select id, email from platform.platform_admins');
    expect(admins.rows.map((row) => row.email)).toContain(ADMIN.email);
  });

  it('adds to the platform audit but cannot rewrite or remove it', async () => {
    await app.query(
      `insert into platform.platform_audit (actor_type, action) values ('test', 'grants.probe')`,
    );
    await refused(`update platform.platform_audit set action = 'forged'`);
    await refused(`delete from platform.platform_audit`);
  });

  it('cannot rewrite the platform migration bookkeeping', async () => {
    await refused(`insert into platform.migrations (id) values ('9999_forged')`);
    await refused(`delete from platform.migrations`);
  });

  it('reads the pool tenant migration bookkeeping (exports record it) but cannot forge or erase it', async () => {
    const { rows } = await app.query<{ id: string }>('select id from pool.tenant_migrations');
    expect(rows.length).toBeGreaterThan(0);
    await refused(`insert into pool.tenant_migrations (id) values ('forged:0001')`);
    await refused(`delete from pool.tenant_migrations`);
    await refused(`truncate pool.tenant_migrations`);
  });

  it('still signs in, signs tokens, rotates keys, creates administrators and resets their passwords', async () => {
    const token = await tb.login(ADMIN.email, ADMIN.password);
    const me = await tb.app.inject({ url: '/api/v1/auth/me', headers: { authorization: `Bearer ${token}` } });
    expect(me.statusCode, me.body).toBe(200);

    const out: string[] = [];
    const io = { out: (text: string) => out.push(text), err: (text: string) => out.push(text) };
    expect(await runCli(['keys', 'rotate', '--grace-seconds', '0', '--json'], { env: tb.env, io })).toBe(0);
    const rotated = JSON.parse(out.pop()!) as { kid: string };
    // The server picks a key rotated elsewhere up on its next reload; this one rotates again itself.
    const own = await tb.services.keys.rotate({ graceSeconds: 0 });
    expect(own.signingKid).toBe(rotated.kid);
    const signed = await tb.login(ADMIN.email, ADMIN.password);
    const header = JSON.parse(Buffer.from(signed.split('.')[0]!, 'base64url').toString()) as { kid: string };
    expect(header.kid).toBe(own.kid);
    const jwks = (await tb.app.inject({ url: '/.well-known/jwks.json' })).json() as {
      keys: { kid: string }[];
    };
    expect(jwks.keys.map((key) => key.kid)).toEqual(expect.arrayContaining([own.kid, rotated.kid]));

    expect(
      await runCli(['admin', 'create', '--email', 'second@example.com', '--password', 'second-password-1'], {
        env: tb.env,
        io,
      }),
    ).toBe(0);
    await tb.login('second@example.com', 'second-password-1');

    const forgot = await tb.app.inject({
      method: 'POST',
      url: '/api/v1/auth/forgot-password',
      payload: { email: 'second@example.com' },
    });
    expect(forgot.statusCode, forgot.body).toBe(202);
    const mail = await waitForMail(tb, 'second@example.com', 'password_reset');
    const reset = await tb.app.inject({
      method: 'POST',
      url: '/api/v1/auth/reset-password',
      payload: { token: tokenIn(mail), password: 'second-password-2' },
    });
    expect(reset.statusCode, reset.body).toBe(200);
    await expect(tb.login('second@example.com', 'second-password-1')).rejects.toThrow(/login failed/);
    await tb.login('second@example.com', 'second-password-2');
  });
});

describe('an application role given by the operator that could step past the fences', () => {
  it('is refused at boot when it can become a superuser (SET ROLE), before any grant is made', async () => {
    const { namespace, role } = await operatorRole();
    const elevated = quoteIdent(`${namespace}_elevated`);
    await asServerAdmin(async (admin) => {
      await admin.query(`create role ${elevated} nologin superuser`);
      await admin.query(`grant ${elevated} to ${quoteIdent(role.name)}`);
    });
    try {
      await expect(startTenantbase(loadConfig(operatorEnv(namespace, role)))).rejects.toThrow(
        /DATABASE_APP_URL: role \S+ is or can become \S+_elevated/,
      );
    } finally {
      await asServerAdmin(async (admin) => {
        await admin.query(`drop database if exists ${quoteIdent(`${namespace}_platform`)} with (force)`);
        await admin.query(`drop role if exists ${quoteIdent(role.name)}`);
        await admin.query(`drop role if exists ${elevated}`);
      });
    }
  });
});
