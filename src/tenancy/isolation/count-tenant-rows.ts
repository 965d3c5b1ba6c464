import type pg from 'pg';
import { quoteIdent } from '../../db/sql-identifier.js';

/** The tables a tenant's own schema or database holds, the migrations' bookkeeping aside. */
export async function listTenantTables(admin: pg.ClientBase, schema: string): Promise<string[]> {
  const tables = await admin.query<{ table_name: string }>(
    `select table_name from information_schema.tables where table_schema = $1 and table_name <> 'tenant_migrations'`,
    [schema],
  );
  return tables.rows.map((row) => row.table_name);
}

/**
 * Sums the tenant's rows in the tables, as the owner, in one transaction with the tenant set
 * (row-level security policies read `tenantbase.tenant_id`). In the shared pool schema only the
 * rows carrying its id are the tenant's (`shared`); in its own schema or database all are.
 */
export async function countTenantRows(
  admin: pg.ClientBase,
  tenantId: string,
  schema: string,
  tables: string[],
  options: { shared: boolean },
): Promise<number> {
  const where = options.shared ? ' where tenant_id = $1' : '';
  await admin.query('begin');
  try {
    await admin.query(`select set_config('tenantbase.tenant_id', $1, true)`, [tenantId]);
    let rows = 0;
    for (const table of tables) {
      const result = await admin.query<{ n: string }>(
        `select count(*) as n from ${quoteIdent(schema)}.${quoteIdent(table)}${where}`,
        options.shared ? [tenantId] : [],
      );
      rows += Number(result.rows[0]?.n ?? 0);
    }
    await admin.query('commit');
    return rows;
  } catch (error) {
    // A client going back to the pool must not stay inside a failed transaction.
    await admin.query('rollback');
    throw error;
  }
}
