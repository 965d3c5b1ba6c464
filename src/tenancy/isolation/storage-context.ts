import type pg from 'pg';
import type { ModuleMigrations } from '../migrations/tenant-migration.js';
import type { TenantCredentials } from '../credentials/tenant-credentials.js';
import type { StorageNames } from '../storage-names.js';
import type { ServerPoolCaches } from './database/server-pool-caches.js';

/** What the isolation models share: pools, names and the registered tenant migrations. */
export interface StorageContext {
  names: StorageNames;
  /** The platform database as the application role (pool and schema tenants live here too). */
  appPool: pg.Pool;
  /** The platform database as the owner, for DDL and migrations. */
  adminPool: pg.Pool;
  /** Tenant databases as the application role, with a connection budget per server. */
  tenantDatabases: ServerPoolCaches;
  /** Login passwords of `database` tenants' own roles. */
  credentials: TenantCredentials;
  /** Owner connection to a database on a placement server, for DDL; the caller ends it. */
  adminClient(placement: string, database: string): Promise<pg.Client>;
  /** The tenant tables of every registered module, for deletion and inspection. */
  tenantTables(): string[];
  migrations(): ModuleMigrations[];
}
