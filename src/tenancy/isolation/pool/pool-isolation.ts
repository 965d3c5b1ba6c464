import { quoteIdent } from '../../../db/sql-identifier.js';
import { runTenantMigrations } from '../../migrations/run-tenant-migrations.js';
import { countTenantRows } from '../count-tenant-rows.js';
import type { IsolationModel, StorageConnection, StorageReport, TenantLocation } from '../isolation-model.js';
import type { StorageContext } from '../storage-context.js';

/** Shared tables in one schema of the platform database, fenced by forced row-level security. */
export class PoolIsolation implements IsolationModel {
  readonly kind = 'pool' as const;

  constructor(private readonly storage: StorageContext) {}

  /** Migrates the shared schema once for every pool tenant; nothing is created per tenant. */
  async migrateShared(): Promise<string[]> {
    const admin = await this.storage.adminPool.connect();
    try {
      const { applied } = await runTenantMigrations(
        admin,
        this.storage.names.poolSchema,
        this.storage.migrations(),
        [this.storage.names.appRole],
      );
      return applied;
    } finally {
      admin.release();
    }
  }

  /** Pool tenants have no role of their own: the application role and row-level security fence them. */
  async provision(_tenant: TenantLocation): Promise<undefined> {
    await this.migrateShared();
    return undefined;
  }

  async migrate(_tenant: TenantLocation, _role: string | undefined): Promise<void> {
    await this.migrateShared();
  }

  async connect(_tenant: TenantLocation): Promise<StorageConnection> {
    return { client: await this.storage.appPool.connect(), schema: this.storage.names.poolSchema };
  }

  async destroy(tenant: TenantLocation): Promise<void> {
    const schema = quoteIdent(this.storage.names.poolSchema);
    const admin = await this.storage.adminPool.connect();
    try {
      await admin.query('begin');
      await admin.query(`select set_config('tenantbase.tenant_id', $1, true)`, [tenant.id]);
      for (const table of this.storage.tenantTables()) {
        await admin.query(`delete from ${schema}.${quoteIdent(table)} where tenant_id = $1`, [tenant.id]);
      }
      await admin.query('commit');
    } catch (error) {
      await admin.query('rollback');
      throw error;
    } finally {
      admin.release();
    }
  }

  async analyze(_tenant: TenantLocation): Promise<void> {
    const schema = quoteIdent(this.storage.names.poolSchema);
    const tables = this.storage.tenantTables().map((table) => `${schema}.${quoteIdent(table)}`);
    if (tables.length > 0) await this.storage.adminPool.query(`analyze ${tables.join(', ')}`);
  }

  async inspect(tenant: TenantLocation): Promise<StorageReport> {
    const admin = await this.storage.adminPool.connect();
    try {
      const tables = this.storage.tenantTables();
      const rows = await countTenantRows(admin, tenant.id, this.storage.names.poolSchema, tables, {
        shared: true,
      });
      return { exists: true, rows };
    } finally {
      admin.release();
    }
  }
}
