import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import pg from 'pg';
import { type Config, DEFAULT_TENANT_DB_CONNECTION_CAP, loadConfig } from '../src/config.js';
import { startEmbeddedPostgres } from '../src/db/embedded-postgres.js';
import { quoteIdent } from '../src/db/sql-identifier.js';
import type { AppServices } from '../src/app/app-services.js';
import { startTenantbase, type Tenantbase } from '../src/server.js';
import { postmasterOf } from './cpu-meter.js';

/** A throwaway Tenantbase listening on 127.0.0.1, on its own platform database and namespace. */
export interface BenchInstance extends Tenantbase {
  config: Config;
  /** `http://127.0.0.1:<port>` of the listening app. */
  baseUrl: string;
  /** Where PostgreSQL came from, for the report. */
  postgres: { source: 'embedded' | 'DATABASE_URL'; version: string };
  /** The server's postmaster when it runs on this machine, for measuring its CPU. */
  postmasterPid: number | undefined;
  /** Stops the app and drops every database and role this instance created. */
  destroy(): Promise<void>;
  /**
   * Writes out what seeding left in memory (CHECKPOINT), so the measurement that follows does not
   * pay for it: 500 new databases are gigabytes of pages for the next checkpoint to flush.
   */
  settle(): Promise<void>;
}

export interface BenchInstanceOptions {
  /** TENANT_DB_CONNECTION_CAP of the instance; by default the product's for where PostgreSQL runs. */
  connectionCap?: number;
  /** Tenants provisioned at once (JOB_CONCURRENCY: provisioning runs as a job). */
  provisioningConcurrency: number;
  /** More configuration (e.g. TENANT_DB_POOL_MAX), validated like the server's environment. */
  env: Record<string, string>;
  extraRoutes: (app: FastifyInstance, services: AppServices) => void;
  log: (line: string) => void;
  /** Rate limits, the response cache and request metrics on (the writes scenario's whole path). */
  protection?: boolean;
  /**
   * A server already running (its superuser URL), instead of DATABASE_URL's or a throwaway embedded
   * one; with `pooledUrl` (PgBouncer in front of it) the app goes through the pooler and keeps the
   * direct URL for migrations, advisory locks and LISTEN. The caller stops that server; when it
   * throws the server away afterwards (`throwaway`), nothing is dropped on it first (dropping
   * 1,000 tenant databases one by one took minutes after each scale run).
   */
  server?: { directUrl: string; pooledUrl?: string; throwaway?: boolean };
}

function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${encodeURIComponent(database)}`;
  return parsed.toString();
}

async function withServer<T>(serverUrl: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: withDatabase(serverUrl, 'postgres') });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** Drops the databases and the application role named after `namespace`. */
async function dropNamespace(serverUrl: string, namespace: string): Promise<void> {
  await withServer(serverUrl, async (admin) => {
    const { rows } = await admin.query<{ datname: string }>(
      'select datname from pg_database where datname like $1',
      [`${namespace}\\_%`],
    );
    for (const { datname } of rows)
      await admin.query(`drop database if exists ${quoteIdent(datname)} with (force)`);
    await admin.query(`drop role if exists ${quoteIdent(`${namespace}_app`)}`);
  });
}

/**
 * Starts PostgreSQL (DATABASE_URL's server, else a throwaway embedded cluster), a uniquely named
 * platform database, and Tenantbase on a random free port, as the test harness does.
 */
export async function startBenchInstance(options: BenchInstanceOptions): Promise<BenchInstance> {
  const external = options.server?.directUrl ?? process.env.DATABASE_URL;
  let dataDir: string | undefined;
  let stopEmbedded: (() => Promise<void>) | undefined;
  let serverUrl: string;
  if (external) {
    serverUrl = external;
  } else {
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'tenantbase-bench-'));
    options.log(`starting embedded PostgreSQL in ${dataDir}`);
    const embedded = await startEmbeddedPostgres(dataDir, { persistent: false });
    serverUrl = embedded.adminUrl;
    stopEmbedded = () => embedded.stop();
  }
  const stopServer = async () => {
    await stopEmbedded?.();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  };

  const namespace = `b${randomBytes(4).toString('hex')}`;
  let tenantbase: Tenantbase | undefined;
  try {
    const version = await withServer(serverUrl, async (admin) => {
      await admin.query(`create database ${quoteIdent(`${namespace}_platform`)}`);
      const { rows } = await admin.query<{ server_version: string }>('show server_version');
      return rows[0]!.server_version;
    });
    const platformDatabase = `${namespace}_platform`;
    const pooled = options.server?.pooledUrl;
    const config = loadConfig({
      DATABASE_URL: withDatabase(pooled ?? serverUrl, platformDatabase),
      ...(pooled ? { DATABASE_DIRECT_URL: withDatabase(serverUrl, platformDatabase) } : {}),
      TENANTBASE_NAMESPACE: namespace,
      ADMIN_EMAIL: 'bench-admin@example.com',
      ADMIN_PASSWORD: randomBytes(12).toString('base64url'),
      LOG_LEVEL: 'silent',
      TENANT_DB_CONNECTION_CAP: String(
        options.connectionCap ?? DEFAULT_TENANT_DB_CONNECTION_CAP[external ? 'external' : 'embedded'],
      ),
      // Tokens are minted once while seeding and must outlive the whole run.
      ACCESS_TOKEN_TTL_SECONDS: '86400',
      JOB_CONCURRENCY: String(options.provisioningConcurrency),
      ...options.env,
    });
    // Rate limits, the response cache and request metrics are not tenancy, and the cache would
    // answer the list from memory: off, so the product route differs from the baseline in tenancy only.
    tenantbase = await startTenantbase(config, {
      logger: false,
      extraRoutes: options.extraRoutes,
      protection: options.protection ?? false,
    });
    await tenantbase.app.listen({ port: 0, host: '127.0.0.1' });
    const address = tenantbase.app.server.address();
    if (!address || typeof address === 'string') throw new Error('the app is not listening on a TCP port');
    const backend = await tenantbase.services.tenancy.adminPool.query<{ pid: number }>(
      'select pg_backend_pid() as pid',
    );
    const postmasterPid = postmasterOf(backend.rows[0]!.pid);
    const started = tenantbase;
    let destroyed = false;
    return {
      ...started,
      config,
      baseUrl: `http://127.0.0.1:${address.port}`,
      postgres: { source: external ? 'DATABASE_URL' : 'embedded', version },
      postmasterPid,
      async settle() {
        await started.services.tenancy.adminPool.query('checkpoint');
      },
      async destroy() {
        if (destroyed) return;
        destroyed = true;
        try {
          await started.close();
          // A throwaway embedded cluster goes with its directory; a shared server gets cleaned.
          if (external && !options.server?.throwaway) await dropNamespace(serverUrl, namespace);
        } finally {
          await stopServer();
        }
      },
    };
  } catch (error) {
    await tenantbase?.close().catch(() => undefined);
    if (external) await dropNamespace(serverUrl, namespace).catch(() => undefined);
    await stopServer();
    throw error;
  }
}
