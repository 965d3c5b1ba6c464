import type { FastifyInstance } from 'fastify';
import type { TenantMigration } from '../tenancy/migrations/tenant-migration.js';
import type { AppServices } from '../app/app-services.js';

/**
 * A vertical slice of the product: its tenant tables and migrations, the feature key that gates
 * it and its routes. Registering it in `registered-modules.ts` is all it takes; the isolation
 * test matrix finds its routes by itself.
 */
export interface TenantModule {
  name: string;
  /** Feature key that must be enabled for the tenant; null for the core modules every tenant has. */
  feature: string | null;
  /** Tenant tables this module owns (each has tenant_id leading its primary key). */
  tables: string[];
  migrations: TenantMigration[];
  /** Registers routes under /api/v1 (and its /api alias); called inside an encapsulated context. */
  routes?: (app: FastifyInstance, services: AppServices) => void | Promise<void>;
}
