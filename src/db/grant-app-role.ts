import type pg from 'pg';
import { quoteIdent } from './sql-identifier.js';

/**
 * Platform tables the application role never touches: the role's own password, the private
 * signing keys (read and rotated over the owner connection) and the migration bookkeeping.
 */
export const OWNER_ONLY_TABLES = ['secrets', 'signing_keys', 'migrations'] as const;

/** Platform tables that are a record: the application adds rows and never rewrites or removes one. */
export const APPEND_ONLY_TABLES = ['platform_audit'] as const;

/** Columns the application role may write but never read back (sign-in reads them as the owner). */
export const WRITE_ONLY_COLUMNS: Record<string, string[]> = {
  platform_admins: ['password_hash'],
  signups: ['password_hash'],
};

/**
 * Grants the application role what the running application needs on the platform schema and
 * nothing more. Table-wide grants keep new platform tables usable without a grant of their own;
 * the exceptions above are taken back in the same transaction, so no other session sees the gap.
 */
export async function grantAppRole(admin: pg.ClientBase, appRole: string): Promise<void> {
  const role = quoteIdent(appRole);
  // The operator names the platform database (DATABASE_URL): quoted by the server, as any name may be.
  const { rows: current } = await admin.query<{ db: string }>(
    `select format('%I', current_database()) as db`,
  );
  const database = current[0]!.db;
  await admin.query('begin');
  try {
    // Only the application connects to the platform database: a tenant's own LOGIN role
    // (a `database` tenant's) must find no door here. TEMPORARY stays with PUBLIC, which only
    // those who may connect can use: schema tenants' roles (reached by SET ROLE) stage bulk
    // loads in temporary tables, and naming each of thousands of them in this one ACL made every
    // provisioning slower than the last (schema-isolation.ts).
    await admin.query(`select pg_advisory_xact_lock(hashtext('tenantbase:platform-database-acl'))`);
    await admin.query(`revoke connect on database ${database} from public`);
    await admin.query(`grant temporary on database ${database} to public`);
    await admin.query(`grant connect, temporary on database ${database} to ${role}`);
    await admin.query(`grant usage on schema platform to ${role}`);
    await admin.query(`grant select, insert, update, delete on all tables in schema platform to ${role}`);
    await admin.query(`grant usage, select on all sequences in schema platform to ${role}`);
    for (const table of OWNER_ONLY_TABLES) {
      await admin.query(`revoke all on platform.${quoteIdent(table)} from ${role}`);
    }
    for (const table of APPEND_ONLY_TABLES) {
      await admin.query(`revoke update, delete, truncate on platform.${quoteIdent(table)} from ${role}`);
    }
    for (const [table, hidden] of Object.entries(WRITE_ONLY_COLUMNS)) {
      const { rows } = await admin.query<{ column_name: string }>(
        `select column_name from information_schema.columns
          where table_schema = 'platform' and table_name = $1 and not (column_name = any($2))
          order by ordinal_position`,
        [table, hidden],
      );
      const readable = rows.map((row) => quoteIdent(row.column_name)).join(', ');
      await admin.query(`revoke select on platform.${quoteIdent(table)} from ${role}`);
      if (readable)
        await admin.query(`grant select (${readable}) on platform.${quoteIdent(table)} to ${role}`);
      // A column grant made earlier outlives the table-wide revoke; take it back by name.
      await admin.query(
        `revoke select (${hidden.map(quoteIdent).join(', ')}) on platform.${quoteIdent(table)} from ${role}`,
      );
    }
    await admin.query('commit');
  } catch (error) {
    await admin.query('rollback');
    throw error;
  }
}
