import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { Config } from '../config.js';
import { ensureSecret } from '../platform/secrets/platform-secrets.js';
import { sealPlaintextSecrets } from '../platform/secrets/seal-plaintext-secrets.js';
import { SecretBox } from '../platform/secrets/secret-box.js';
import { generatedSecretsKey } from '../platform/secrets/secrets-key.js';
import { storageNames, type StorageNames } from '../tenancy/storage-names.js';
import { grantAppRole } from './grant-app-role.js';
import { startEmbeddedPostgres, type EmbeddedServer } from './embedded-postgres.js';
import { type PlatformMigrationSource, runPlatformMigrations } from './platform-migrations.js';
import { quoteIdent, quoteLiteral } from './sql-identifier.js';

/** Connection URLs for one installation, ready to use. */
export interface DatabaseEndpoints {
  /** Owner of the platform database: DDL and migrations only. */
  adminUrl: string;
  /** The non-owner, non-superuser application role on the platform database. */
  appUrl: string;
  /** The application role on a direct connection: LISTEN, which a transaction pooler cannot carry. */
  listenUrl: string;
  /**
   * `DATABASE_URL` goes through a transaction pooler (`DATABASE_DIRECT_URL` is set): consecutive
   * transactions of one client connection may run on different server connections, so nothing
   * session-level (named prepared statements, SET, startup parameters) may be relied on there.
   */
  pooled: boolean;
  /**
   * Owner URL per placement server (`default` included), database part ignored: the direct address
   * when the server has one (DATABASE_DIRECT_URL, DATABASE_SERVERS_DIRECT), since provisioning,
   * migrations and their session advisory locks cannot go through a transaction pooler.
   */
  servers: Map<string, string>;
  /**
   * Where `database` tenants' request connections go, per placement server (credentials and
   * database replaced per pool): through the pooler, or straight to the server with
   * TENANT_DATABASES_DIRECT.
   */
  tenantServers: Map<string, string>;
  /** TENANT_DATABASES_DIRECT: every tenantServers address is a direct one (sessions hold). */
  tenantDatabasesDirect: boolean;
  names: StorageNames;
  embedded: EmbeddedServer | undefined;
  /** Seals and opens secrets at rest with SECRETS_KEY (or the key generated under DATA_DIR). */
  secrets: SecretBox;
}

function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${encodeURIComponent(database)}`;
  return parsed.toString();
}

function withCredentials(url: string, user: string, password: string): string {
  const parsed = new URL(url);
  parsed.username = encodeURIComponent(user);
  parsed.password = encodeURIComponent(password);
  return parsed.toString();
}

async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

async function ensureDatabase(serverUrl: string, database: string): Promise<void> {
  await withClient(withDatabase(serverUrl, 'postgres'), async (client) => {
    const found = await client.query('select 1 from pg_database where datname = $1', [database]);
    if (found.rowCount === 0) await client.query(`create database ${quoteIdent(database)}`);
  });
}

/** Creates or updates the application role: it may log in and nothing more. */
async function ensureAppRole(serverUrl: string, role: string, password: string): Promise<void> {
  await withClient(withDatabase(serverUrl, 'postgres'), async (client) => {
    const attributes = `login nosuperuser nobypassrls nocreatedb nocreaterole password ${quoteLiteral(password)}`;
    // The password is 192 random bits, so SCRAM's key stretching protects nothing here; it only
    // costs every new connection a PBKDF2 run, and `database` tenants open many (PostgreSQL 16+).
    const { rows } = await client.query<{ v: string }>(`select current_setting('server_version_num') as v`);
    if (Number(rows[0]!.v) >= 160000) await client.query('set scram_iterations = 1');
    const found = await client.query('select 1 from pg_roles where rolname = $1', [role]);
    const verb = found.rowCount === 0 ? 'create' : 'alter';
    await client.query(`${verb} role ${quoteIdent(role)} ${attributes}`);
  });
}

async function appRolePassword(admin: pg.Client, box: SecretBox): Promise<string> {
  return ensureSecret(admin, box, 'app_role_password', randomBytes(24).toString('base64url'));
}

/** The role behind `url` must not be able to skip row-level security. */
async function assertUnprivileged(url: string): Promise<void> {
  await withClient(url, async (client) => {
    const { rows } = await client.query<{ rolsuper: boolean; rolbypassrls: boolean; rolname: string }>(
      'select rolname, rolsuper, rolbypassrls from pg_roles where rolname = current_user',
    );
    const role = rows[0];
    if (!role || role.rolsuper || role.rolbypassrls) {
      throw new Error(
        `DATABASE_APP_URL: role ${role?.rolname ?? '?'} must be neither superuser nor BYPASSRLS`,
      );
    }
  });
}

/**
 * Refuses an application role that could step past the fences: one that is, or can become, the
 * owner of the platform tables, a superuser or a BYPASSRLS role (SET ROLE reaches any role it is a
 * member of). Runs before the grants, which would otherwise revoke the owner's own rights.
 */
async function assertFenced(admin: pg.Client, appRole: string): Promise<void> {
  const { rows } = await admin.query<{ owner: string; owns: boolean; becomes: string[] }>(
    `select current_user as owner, pg_has_role(r.oid, current_user, 'member') as owns,
            array(select o.rolname::text from pg_roles o
                   where pg_has_role(r.oid, o.oid, 'member') and (o.rolsuper or o.rolbypassrls)) as becomes
       from pg_roles r where r.rolname = $1`,
    [appRole],
  );
  const role = rows[0];
  if (!role) throw new Error(`DATABASE_APP_URL: role ${appRole} does not exist`);
  if (role.owns)
    throw new Error(`DATABASE_APP_URL: role ${appRole} is or can become the owner ${role.owner}`);
  if (role.becomes.length > 0) {
    throw new Error(
      `DATABASE_APP_URL: role ${appRole} is or can become ${role.becomes.join(', ')} (superuser or BYPASSRLS)`,
    );
  }
}

/**
 * A transaction pooler refuses (or would drop) the timeouts that direct connections send as startup
 * parameters, so behind one they are the role's defaults on every server instead.
 */
async function setRoleTimeouts(serverUrl: string, role: string, config: Config): Promise<void> {
  await withClient(withDatabase(serverUrl, 'postgres'), async (client) => {
    const found = await client.query('select 1 from pg_roles where rolname = $1', [role]);
    if (found.rowCount === 0) return;
    await client.query(
      `alter role ${quoteIdent(role)} set statement_timeout = ${Number(config.statementTimeoutMs)}`,
    );
    await client.query(
      `alter role ${quoteIdent(role)} set idle_in_transaction_session_timeout = ${Number(config.idleInTransactionTimeoutMs)}`,
    );
  });
}

/**
 * Brings the databases to a usable state: starts embedded PostgreSQL when no DATABASE_URL is set,
 * creates the platform database and the application role, and applies platform migrations.
 */
export async function bootstrapDatabase(
  config: Config,
  log: (line: string) => void,
  modules: readonly PlatformMigrationSource[] = [],
): Promise<DatabaseEndpoints> {
  const defaultNames = storageNames(config.namespace);
  const secrets = new SecretBox(config.secretsKey ?? generatedSecretsKey(config.dataDir));
  let embedded: EmbeddedServer | undefined;
  let adminUrl: string;
  // Where application connections go: through the pooler when there is one.
  let serveUrl: string;
  if (config.databaseUrl) {
    adminUrl = config.databaseDirectUrl ?? config.databaseUrl;
    serveUrl = config.databaseUrl;
  } else {
    embedded = await startEmbeddedPostgres(config.dataDir);
    const how = embedded.attached ? 'already running, joined,' : 'listening';
    log(`embedded PostgreSQL ${how} on 127.0.0.1:${embedded.port} (data in ${config.dataDir})`);
    adminUrl = withDatabase(embedded.adminUrl, 'tenantbase');
    serveUrl = adminUrl;
    await ensureDatabase(embedded.adminUrl, 'tenantbase');
  }
  const pooled = config.databaseDirectUrl !== undefined;

  try {
    const servers = new Map<string, string>([['default', adminUrl]]);
    for (const server of config.databaseServers) servers.set(server.name, server.directUrl ?? server.url);

    // Several processes may start at once; role and grant changes collide unless serialised.
    const appUrl = await withClient(adminUrl, async (admin) => {
      await admin.query(`select pg_advisory_lock(hashtext('tenantbase:bootstrap'))`);
      try {
        await runPlatformMigrations(admin, modules);
        const sealed = await sealPlaintextSecrets(admin, secrets);
        if (sealed > 0) log(`secrets at rest: sealed ${sealed} stored in plain text by an older version`);
        let url = config.databaseAppUrl;
        if (!url) {
          const password = await appRolePassword(admin, secrets);
          for (const server of servers.values()) await ensureAppRole(server, defaultNames.appRole, password);
          url = withCredentials(serveUrl, defaultNames.appRole, password);
        }
        const appRole = decodeURIComponent(new URL(url).username);
        await assertFenced(admin, appRole);
        await grantAppRole(admin, appRole);
        if (pooled) for (const server of servers.values()) await setRoleTimeouts(server, appRole, config);
        return url;
      } finally {
        await admin.query(`select pg_advisory_unlock(hashtext('tenantbase:bootstrap'))`);
      }
    });
    await assertUnprivileged(appUrl);
    const app = new URL(appUrl);
    const names = storageNames(config.namespace, decodeURIComponent(app.username));
    const listenUrl = pooled
      ? withCredentials(adminUrl, decodeURIComponent(app.username), decodeURIComponent(app.password))
      : appUrl;
    // The default server as the application reaches it (through the pooler, if any), or directly.
    const tenantServers = new Map<string, string>([
      ['default', config.tenantDatabasesDirect ? listenUrl : appUrl],
    ]);
    for (const server of config.databaseServers) {
      tenantServers.set(
        server.name,
        config.tenantDatabasesDirect ? (server.directUrl ?? server.url) : server.url,
      );
    }
    return {
      adminUrl,
      appUrl,
      listenUrl,
      pooled,
      servers,
      tenantServers,
      tenantDatabasesDirect: config.tenantDatabasesDirect,
      names,
      embedded,
      secrets,
    };
  } catch (error) {
    await embedded?.stop();
    throw error;
  }
}
