import type pg from 'pg';
import type { Isolation } from '../tenant-scope.js';
import type { TenantId } from '../tenant-id.js';

/** Where one tenant's rows live, as recorded in the registry. */
export interface TenantLocation {
  id: TenantId;
  isolation: Isolation;
  /** The database server holding a `database` tenant: `default` or a DATABASE_SERVERS name. */
  placement: string;
  /**
   * The tenant's own role (registry `storage_role`) when it has one: a `database` tenant's pool
   * logs in as it, a `schema` tenant's statements SET LOCAL ROLE to it. Absent: the app role.
   */
  storage_role?: string | null;
}

/** A checked-out client in the tenant's storage and the schema its tables are in. */
export interface StorageConnection {
  client: pg.PoolClient;
  schema: string;
}

/** What a tenant's storage holds, for health checks and proofs of deletion. */
export interface StorageReport {
  exists: boolean;
  rows: number;
}

/**
 * One isolation model (pool, schema or database): the only part of Tenantbase that knows where a
 * tenant's rows physically live. Everything above it runs the same queries for every model.
 */
export interface IsolationModel {
  readonly kind: Isolation;
  /**
   * Creates the tenant's storage and own role if missing and brings the storage to the latest
   * tenant migrations; idempotent. Answers the tenant's role, if the model gives it one.
   */
  provision(tenant: TenantLocation): Promise<string | undefined>;
  /**
   * Brings a provisioned storage (one that has its own role, `role`, when the model gives one) to
   * the latest tenant migrations and grants, touching neither the role nor the database's rights:
   * what a fleet migration does to each storage; `provision` remains the repair.
   */
  migrate(tenant: TenantLocation, role: string | undefined): Promise<void>;
  /** Checks out an application-role connection to the tenant's storage. */
  connect(tenant: TenantLocation): Promise<StorageConnection>;
  /** Removes every row, schema or database of the tenant; idempotent. */
  destroy(tenant: TenantLocation): Promise<void>;
  /** Counts what is left of the tenant, as the owner (ignores row-level security). */
  inspect(tenant: TenantLocation): Promise<StorageReport>;
  /**
   * Refreshes the planner statistics of the tenant's tables, as the owner. After a bulk load
   * the first queries would otherwise be planned on guesses until autovacuum catches up.
   */
  analyze(tenant: TenantLocation): Promise<void>;
}
