import type { PlatformMigration } from '../db/platform-migrations.js';
import type { ArchiveUpgrade } from './archive-upgrade.js';
import type { Permission } from '../identity/permissions.js';
import type { ProductDeclarations } from '../tenancy/product-catalogue.js';
import type { TenantMigration } from '../tenancy/migrations/tenant-migration.js';
import type { TenantSeed } from '../tenancy/tenancy.js';
import type { TenantScope } from '../tenancy/tenant-scope.js';
import type { AppServices } from '../app/app-services.js';
import type { TenantRoutes } from '../http/route-kit.js';

/**
 * A vertical slice of the product: its tenant tables and migrations, its platform tables and
 * migrations, the features, permissions and quotas it declares, and its routes. Registering it in
 * `registered-modules.ts` is all it takes: the core reads these declarations from the registry and
 * the isolation test matrix finds its routes by itself.
 */
export interface TenantModule extends ProductDeclarations {
  name: string;
  /** Feature key that must be enabled for the tenant; null for the core modules every tenant has. */
  feature: string | null;
  /** Tenant tables this module owns (each has tenant_id leading its primary key). */
  tables: string[];
  migrations: TenantMigration[];
  /** Permissions this module's routes name, with the built-in roles (`admin`, `member`, `viewer`) seeded with each. */
  permissions?: readonly { name: Permission; roles: readonly ('admin' | 'member' | 'viewer')[] }[];
  /** Platform tables this module owns (schema `platform`); their DDL is in `platformMigrations`. */
  platformTables?: string[];
  /**
   * Applied to the platform database after the core's, in registration order. A part whose id is a
   * core migration's runs in that migration's transaction: tables moved out of the core list keep
   * the ids existing installs recorded.
   */
  platformMigrations?: PlatformMigration[];
  /**
   * What a tenant gets from this module for its business domain: run at provisioning and after a
   * domain change (idempotent; adds, never removes).
   */
  seedTenant?: TenantSeed;
  /**
   * Rebuilds rows this module derives from others, after an import loaded an archive's rows (in
   * the import's transaction): an archive may predate the derived tables, or hold them stale.
   */
  afterImport?: (scope: TenantScope) => Promise<void>;
  /**
   * Tables a migration of this module reshaped, and how to load them from an archive exported
   * before it (otherwise such an archive is refused: its columns are not this installation's).
   */
  archiveUpgrades?: readonly ArchiveUpgrade[];
  /** Registers routes under /api/v1 (and its /api alias); called inside an encapsulated context. */
  routes?: (app: TenantRoutes, services: AppServices) => void | Promise<void>;
}
