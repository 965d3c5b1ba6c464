import { quoteIdent } from '../../../db/sql-identifier.js';
import { ensureTenantRole } from '../../credentials/tenant-roles.js';
import { runTenantMigrations } from '../../migrations/run-tenant-migrations.js';
import { countTenantRows, listTenantTables } from '../count-tenant-rows.js';
import type { IsolationModel, StorageConnection, StorageReport, TenantLocation } from '../isolation-model.js';
import type { StorageContext } from '../storage-context.js';

/** Tables in the tenant database's own schema; the database itself is the wall. */
export const TENANT_DATABASE_SCHEMA = 'public';

/** One PostgreSQL database per tenant, on the default server or one of DATABASE_SERVERS. */
export class DatabaseIsolation implements IsolationModel {
  readonly kind = 'database' as const;

  constructor(private readonly storage: StorageContext) {}

  /** The pool cache's key: `placement/database`, plus `/tenant id` for a pool logging in as the tenant's role. */
  private key(tenant: TenantLocation, asTenantRole = Boolean(tenant.storage_role)): string {
    const base = `${tenant.placement}/${this.storage.names.databaseFor(tenant.id)}`;
    return asTenantRole ? `${base}/${tenant.id}` : base;
  }

  /**
   * The database and the tenant's own LOGIN role, the only role besides the application's with
   * CONNECT on it (PUBLIC has none); its password is stored sealed before the role gets it.
   */
  async provision(tenant: TenantLocation): Promise<string> {
    const { names } = this.storage;
    const role = names.roleFor(tenant.id);
    const password = await this.storage.credentials.ensure(tenant.id);
    const database = names.databaseFor(tenant.id);
    const server = await this.storage.adminClient(tenant.placement, 'postgres');
    try {
      // Two provisioners of one tenant (a retry and the migrate job, two processes) would both
      // write its pg_database row: CREATE collides on the unique name (23505), GRANT/REVOKE fail
      // with "tuple concurrently updated". A session lock per database makes them take turns;
      // CREATE DATABASE cannot run in a transaction, so the lock is the session's, released by end().
      await server.query(`select pg_advisory_lock(hashtext('tenantbase:provision-database:' || $1))`, [
        database,
      ]);
      const found = await server.query('select 1 from pg_database where datname = $1', [database]);
      if (found.rowCount === 0) await server.query(`create database ${quoteIdent(database)}`);
      await server.query(`revoke all on database ${quoteIdent(database)} from public`);
      // TEMPORARY: bulk loads stage rows in a temporary table (COPY into an RLS table is refused).
      await server.query(
        `grant connect, temporary on database ${quoteIdent(database)} to ${quoteIdent(names.appRole)}`,
      );
      await ensureTenantRole(server, role, { password });
      await server.query(
        `grant connect, temporary on database ${quoteIdent(database)} to ${quoteIdent(role)}`,
      );
    } finally {
      await server.end();
    }
    const admin = await this.storage.adminClient(tenant.placement, database);
    try {
      await runTenantMigrations(admin, TENANT_DATABASE_SCHEMA, this.storage.migrations(), [
        names.appRole,
        role,
      ]);
    } finally {
      await admin.end();
    }
    return role;
  }

  async migrate(tenant: TenantLocation, role: string | undefined): Promise<void> {
    const admin = await this.storage.adminClient(tenant.placement, this.storage.names.databaseFor(tenant.id));
    try {
      await runTenantMigrations(admin, TENANT_DATABASE_SCHEMA, this.storage.migrations(), [
        this.storage.names.appRole,
        ...(role ? [role] : []),
      ]);
    } finally {
      await admin.end();
    }
  }

  async connect(tenant: TenantLocation): Promise<StorageConnection> {
    const key = this.key(tenant);
    const connect = () => this.storage.tenantDatabases.connect(key);
    for (let attempt = 1; ; attempt++) {
      try {
        return { client: await connect(), schema: TENANT_DATABASE_SCHEMA };
      } catch (error) {
        // 28P01: another process rotated the password since this one read it. On another server
        // than the platform's, the role changes a moment before the secret: try again shortly.
        if ((error as { code?: string }).code !== '28P01' || !tenant.storage_role || attempt === 4)
          throw error;
        this.storage.credentials.forget(tenant.id);
        if (attempt > 1) await new Promise((resolve) => setTimeout(resolve, 50 * attempt));
      }
    }
  }

  async destroy(tenant: TenantLocation): Promise<void> {
    await this.storage.tenantDatabases.close(this.key(tenant, true));
    await this.storage.tenantDatabases.close(this.key(tenant, false));
    const server = await this.storage.adminClient(tenant.placement, 'postgres');
    try {
      await server.query(
        `drop database if exists ${quoteIdent(this.storage.names.databaseFor(tenant.id))} with (force)`,
      );
    } finally {
      await server.end();
    }
  }

  async analyze(tenant: TenantLocation): Promise<void> {
    const admin = await this.storage.adminClient(tenant.placement, this.storage.names.databaseFor(tenant.id));
    try {
      await admin.query('analyze');
    } finally {
      await admin.end();
    }
  }

  async inspect(tenant: TenantLocation): Promise<StorageReport> {
    const database = this.storage.names.databaseFor(tenant.id);
    const server = await this.storage.adminClient(tenant.placement, 'postgres');
    try {
      const found = await server.query('select 1 from pg_database where datname = $1', [database]);
      if (found.rowCount === 0) return { exists: false, rows: 0 };
    } finally {
      await server.end();
    }
    const admin = await this.storage.adminClient(tenant.placement, database);
    try {
      const tables = await listTenantTables(admin, TENANT_DATABASE_SCHEMA);
      const rows = await countTenantRows(admin, tenant.id, TENANT_DATABASE_SCHEMA, tables, { shared: false });
      return { exists: true, rows };
    } finally {
      await admin.end();
    }
  }
}
