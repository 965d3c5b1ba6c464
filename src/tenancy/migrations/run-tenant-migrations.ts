import type pg from 'pg';
import { quoteIdent } from '../../db/sql-identifier.js';
import type { ModuleMigrations } from './tenant-migration.js';

/** What one run did to one storage. */
export interface MigrationOutcome {
  applied: string[];
}

/**
 * What the application role (and the tenant's own role) may do in a storage, granted in one
 * transaction so no session sees a gap.
 */
async function grantStorageAccess(admin: pg.ClientBase, schema: string, roles: string[]): Promise<void> {
  await admin.query('begin');
  try {
    for (const role of roles) await grantTo(admin, schema, role);
    await admin.query('commit');
  } catch (error) {
    await admin.query('rollback');
    throw error;
  }
}

async function grantTo(admin: pg.ClientBase, schema: string, role: string): Promise<void> {
  await admin.query(`grant usage on schema ${schema} to ${role}`);
  await admin.query(`grant select, insert, update, delete on all tables in schema ${schema} to ${role}`);
  await admin.query(`grant usage, select on all sequences in schema ${schema} to ${role}`);
  // The bookkeeping has no tenant_id (row-level security could not fence it) and is the same for
  // every tenant: the application may read it (exports record it) but never forge or erase it.
  await admin.query(`revoke insert, update, delete, truncate on ${schema}.tenant_migrations from ${role}`);
}

/**
 * Brings one tenant storage (a schema in some database) to the latest tenant migrations, as the
 * owner. Safe to run twice at once: an advisory lock per storage serialises concurrent runners.
 * Each migration commits with its bookkeeping row, so a failure leaves a state a re-run completes.
 */
export async function runTenantMigrations(
  admin: pg.ClientBase,
  schemaName: string,
  modules: ModuleMigrations[],
  /** The application role, then the tenant's own role when it has one. */
  roles: readonly string[],
): Promise<MigrationOutcome> {
  const schema = quoteIdent(schemaName);
  const applied: string[] = [];
  await admin.query(`select pg_advisory_lock(hashtext('tenantbase:migrate:' || $1))`, [schemaName]);
  try {
    await admin.query(`create schema if not exists ${schema}`);
    await admin.query(
      `create table if not exists ${schema}.tenant_migrations (id text primary key, applied_at timestamptz not null default now())`,
    );
    const { rows } = await admin.query<{ id: string }>(`select id from ${schema}.tenant_migrations`);
    const done = new Set(rows.map((row) => row.id));
    for (const { module, migrations } of modules) {
      for (const migration of migrations) {
        const id = `${module}:${migration.id}`;
        if (done.has(id)) continue;
        await admin.query('begin');
        try {
          await admin.query(migration.up(schema));
          await admin.query(`insert into ${schema}.tenant_migrations (id) values ($1)`, [id]);
          await admin.query('commit');
        } catch (error) {
          await admin.query('rollback');
          throw new Error(`tenant migration ${id} failed in ${schemaName}: ${(error as Error).message}`, {
            cause: error,
          });
        }
        applied.push(id);
      }
    }
    await grantStorageAccess(admin, schema, roles.map(quoteIdent));
  } finally {
    await admin.query(`select pg_advisory_unlock(hashtext('tenantbase:migrate:' || $1))`, [schemaName]);
  }
  return { applied };
}
