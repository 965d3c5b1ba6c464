import { quoteIdent } from '../../db/sql-identifier.js';
import { TENANT_SETTING } from '../tenant-database.js';

/**
 * One step of a module's tenant schema. `up` gets the quoted schema to qualify every name with,
 * so the same migration builds the same tables in the pool schema, a tenant schema or a tenant
 * database.
 */
export interface TenantMigration {
  /** Unique within its module and never renamed once shipped, e.g. `0001_create_deployments`. */
  id: string;
  up: (schema: string) => string;
}

/** The migrations of one module, applied in order after those of the modules registered before it. */
export interface ModuleMigrations {
  module: string;
  migrations: TenantMigration[];
}

/**
 * How a policy reads the tenant setting: `per-row` calls current_setting for every row it checks;
 * `per-statement` wraps it in a scalar subquery that PostgreSQL runs once per statement (an
 * InitPlan), for tables loaded a million rows at a time, where the WITH CHECK call per inserted
 * row is a measurable part of the INSERT (BENCHMARKS-forecasting.md). Same value, same fence: the
 * setting is fixed for the transaction before any statement runs.
 */
export type SettingRead = 'per-row' | 'per-statement';

/**
 * The row-level security fence for a tenant table: enabled and forced (so even the table owner
 * obeys it when not a superuser), keyed on the per-transaction tenant setting. Applied in every
 * isolation model so the rule is one and the same everywhere.
 */
export function tenantRowSecurity(schema: string, table: string, read: SettingRead = 'per-row'): string {
  const name = `${schema}.${quoteIdent(table)}`;
  const setting = `current_setting('${TENANT_SETTING}', true)`;
  const matches = read === 'per-statement' ? `tenant_id = (select ${setting})` : `tenant_id = ${setting}`;
  return `
    alter table ${name} enable row level security;
    alter table ${name} force row level security;
    drop policy if exists tenant_isolation on ${name};
    create policy tenant_isolation on ${name} using (${matches}) with check (${matches});`;
}
