import { mkdtempSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';
import { loadConfig, type Config } from '../../src/config.js';
import { quoteIdent } from '../../src/db/sql-identifier.js';
import type { CreateTenantBody } from '../../src/modules/tenants/tenants.schema.js';
import { type StartOptions, startTenantbase, type Tenantbase } from '../../src/server.js';
import type { Isolation } from '../../src/tenancy/tenant-scope.js';

export const ADMIN = { email: 'admin@example.com', password: 'admin-password-1' };
export const ISOLATIONS: Isolation[] = ['pool', 'schema', 'database'];

/** A Tenantbase with its own platform database and namespace on the test server. */
export interface TestInstance extends Tenantbase {
  config: Config;
  namespace: string;
  /** Extra environment to start a second process on the same databases. */
  env: Record<string, string>;
  adminToken(): Promise<string>;
  createTenant(
    body: Partial<CreateTenantBody> & { id: string },
    token?: string,
  ): Promise<Record<string, unknown>>;
  login(email: string, password: string, tenantId?: string): Promise<string>;
  /** Polls the registry until provisioning (a background job) ends; throws if it failed. */
  waitForTenant(id: string, timeoutMs?: number): Promise<Record<string, unknown>>;
  /** Drops everything this instance created on the server. */
  destroy(): Promise<void>;
}

function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

/**
 * Starts a fresh instance, or restarts one on its databases when given its `env`. `extraEnv` adds
 * settings (BASE_DOMAIN, DATABASE_POOL_MAX) to a fresh instance's environment.
 */
export async function startTestInstance(
  options: StartOptions & {
    env?: Record<string, string>;
    extraEnv?: Record<string, string>;
    /** Runs on a fresh instance's empty platform database before the start (an older install's state). */
    preparePlatform?: (owner: pg.Client) => Promise<void>;
  } = {},
): Promise<TestInstance> {
  const serverUrl = inject('serverUrl');
  let env = options.env;
  if (!env) {
    const namespace = `t${randomBytes(4).toString('hex')}`;
    const admin = new pg.Client({ connectionString: withDatabase(serverUrl, 'postgres') });
    await admin.connect();
    await admin.query(`create database ${quoteIdent(`${namespace}_platform`)}`);
    await admin.end();
    if (options.preparePlatform) {
      const owner = new pg.Client({ connectionString: withDatabase(serverUrl, `${namespace}_platform`) });
      await owner.connect();
      try {
        await options.preparePlatform(owner);
      } finally {
        await owner.end();
      }
    }
    const pooledUrl = inject('pooledServerUrl');
    env = {
      DATABASE_URL: withDatabase(pooledUrl ?? serverUrl, `${namespace}_platform`),
      ...(pooledUrl ? { DATABASE_DIRECT_URL: withDatabase(serverUrl, `${namespace}_platform`) } : {}),
      TENANTBASE_NAMESPACE: namespace,
      ADMIN_EMAIL: ADMIN.email,
      ADMIN_PASSWORD: ADMIN.password,
      TENANT_QUERY_GUARD: 'true',
      LOG_LEVEL: 'silent',
      // The product answers a write at commit and seals its audit entry a few ms later; the suites
      // assert the chain right after a write, so they wait for the seal (test/audit-seal-wait.test.ts
      // covers the default).
      AUDIT_SEAL_WAIT_MS: '2000',
      // Exports and other files go to a throwaway directory, never the user's .data.
      DATA_DIR: mkdtempSync(path.join(os.tmpdir(), 'tenantbase-data-')),
      // CI's second run sets REDIS_URL: the same suites then share limits and cache through Redis.
      ...(process.env.REDIS_URL ? { REDIS_URL: process.env.REDIS_URL } : {}),
      ...options.extraEnv,
    };
  }
  const config = loadConfig(env);
  const tenantbase = await startTenantbase(config, options);
  const { app } = tenantbase;

  const login = async (email: string, password: string, tenantId?: string) => {
    const response = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email, password, ...(tenantId ? { tenant_id: tenantId } : {}) },
    });
    if (response.statusCode !== 200) throw new Error(`login failed: ${response.body}`);
    return response.json().data.access_token as string;
  };
  // The promise is cached, not the token: parallel callers share one sign-in (five at once would be locked out).
  let adminToken: Promise<string> | undefined;
  const instance: TestInstance = {
    ...tenantbase,
    config,
    namespace: config.namespace,
    env,
    adminToken: () => (adminToken ??= login(ADMIN.email, ADMIN.password)),
    login,
    async createTenant(body, token) {
      const response = await app.inject({
        method: 'POST',
        url: '/api/v1/tenants',
        headers: { authorization: `Bearer ${token ?? (await instance.adminToken())}` },
        payload: {
          name: body.id,
          admin_email: `owner@${body.id}.test`,
          admin_password: 'owner-password-1',
          ...body,
        },
      });
      if (response.statusCode !== 202) throw new Error(`create tenant failed: ${response.body}`);
      return instance.waitForTenant(body.id);
    },
    async waitForTenant(id, timeoutMs = 60_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const response = await app.inject({
          url: `/api/v1/tenants/${id}`,
          headers: { authorization: `Bearer ${await instance.adminToken()}` },
        });
        const tenant = response.json().data;
        if (tenant?.status === 'active') return tenant;
        if (tenant?.status === 'failed')
          throw new Error(`provisioning of ${id} failed: ${tenant.provisioning_error}`);
        if (Date.now() > deadline)
          throw new Error(`tenant ${id} still ${tenant?.status} after ${timeoutMs} ms`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    },
    async destroy() {
      await tenantbase.close();
      if (config.dataDir.startsWith(path.join(os.tmpdir(), 'tenantbase-data-'))) {
        await rm(config.dataDir, { recursive: true, force: true });
      }
      const admin = new pg.Client({ connectionString: withDatabase(serverUrl, 'postgres') });
      await admin.connect();
      try {
        const { rows } = await admin.query<{ datname: string }>(
          `select datname from pg_database where datname like $1`,
          [`${config.namespace}\\_%`],
        );
        for (const { datname } of rows)
          await admin.query(`drop database if exists ${quoteIdent(datname)} with (force)`);
        await admin.query(`drop role if exists ${quoteIdent(`${config.namespace}_app`)}`);
      } finally {
        await admin.end();
      }
    },
  };
  return instance;
}
