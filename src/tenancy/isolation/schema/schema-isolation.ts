import type pg from 'pg';
import { quoteIdent } from '../../../db/sql-identifier.js';
import { ensureTenantRole } from '../../credentials/tenant-roles.js';
import { runTenantMigrations } from '../../migrations/run-tenant-migrations.js';
import { countTenantRows, listTenantTables } from '../count-tenant-rows.js';
import type { IsolationModel, StorageConnection, StorageReport, TenantLocation } from '../isolation-model.js';
import type { StorageContext } from '../storage-context.js';

/**
 * Bulk loads stage rows in temporary tables, which the scope creates under the tenant role.
 * The platform leaves TEMPORARY with PUBLIC (grant-app-role.ts), and then the tenant role has it
 * too; only where an operator revoked it is the role named in the database's ACL. Every such
 * GRANT rewrites the one pg_database row and lengthens an ACL that each connection's CONNECT
 * check scans (3 ms a grant with 1,000 roles in it, 11 ms with 5,000), and concurrent
 * provisioners take turns over it ("tuple concurrently updated").
 */
async function grantTemporaryUnlessPublic(admin: pg.ClientBase, role: string): Promise<void> {
  const { rows } = await admin.query<{ db: string; public_has_it: boolean }>(
    `select format('%I', datname) as db,
            exists (select 1 from aclexplode(coalesce(datacl, acldefault('d', datdba))) a
                     where a.grantee = 0 and a.privilege_type = 'TEMPORARY') as public_has_it
       from pg_database where datname = current_database()`,
  );
  if (rows[0]!.public_has_it) return;
  await admin.query('begin');
  try {
    await admin.query(`select pg_advisory_xact_lock(hashtext('tenantbase:platform-database-acl'))`);
    await admin.query(`grant temporary on database ${rows[0]!.db} to ${quoteIdent(role)}`);
    await admin.query('commit');
  } catch (error) {
    await admin.query('rollback').catch(() => undefined);
    throw error;
  }
}

/**
 * One schema per tenant in the platform database. Statements name the schema in full; no
 * connection's search_path is ever changed, so nothing tenant-specific returns to the pool.
 */
export class SchemaIsolation implements IsolationModel {
  readonly kind = 'schema' as const;

  constructor(private readonly storage: StorageContext) {}

  /**
   * The schema, its tables and the tenant's own NOLOGIN role with rights on this schema only;
   * the application role is a member, so a scope can SET LOCAL ROLE to it.
   */
  async provision(tenant: TenantLocation): Promise<string> {
    const { names } = this.storage;
    const role = names.roleFor(tenant.id);
    const admin = await this.storage.adminPool.connect();
    try {
      await ensureTenantRole(admin, role, { memberOf: names.appRole });
      await grantTemporaryUnlessPublic(admin, role);
      await runTenantMigrations(admin, names.schemaFor(tenant.id), this.storage.migrations(), [
        names.appRole,
        role,
      ]);
    } finally {
      admin.release();
    }
    return role;
  }

  async migrate(tenant: TenantLocation, role: string | undefined): Promise<void> {
    const { names } = this.storage;
    const admin = await this.storage.adminPool.connect();
    try {
      await runTenantMigrations(admin, names.schemaFor(tenant.id), this.storage.migrations(), [
        names.appRole,
        ...(role ? [role] : []),
      ]);
    } finally {
      admin.release();
    }
  }

  async connect(tenant: TenantLocation): Promise<StorageConnection> {
    return { client: await this.storage.appPool.connect(), schema: this.storage.names.schemaFor(tenant.id) };
  }

  async destroy(tenant: TenantLocation): Promise<void> {
    const schema = quoteIdent(this.storage.names.schemaFor(tenant.id));
    await this.storage.adminPool.query(`drop schema if exists ${schema} cascade`);
  }

  async analyze(tenant: TenantLocation): Promise<void> {
    const schema = quoteIdent(this.storage.names.schemaFor(tenant.id));
    const tables = this.storage.tenantTables().map((table) => `${schema}.${quoteIdent(table)}`);
    if (tables.length > 0) await this.storage.adminPool.query(`analyze ${tables.join(', ')}`);
  }

  async inspect(tenant: TenantLocation): Promise<StorageReport> {
    const name = this.storage.names.schemaFor(tenant.id);
    const admin = await this.storage.adminPool.connect();
    try {
      const found = await admin.query('select 1 from pg_namespace where nspname = $1', [name]);
      if (found.rowCount === 0) return { exists: false, rows: 0 };
      const tables = await listTenantTables(admin, name);
      return { exists: true, rows: await countTenantRows(admin, tenant.id, name, tables, { shared: false }) };
    } finally {
      admin.release();
    }
  }
}
