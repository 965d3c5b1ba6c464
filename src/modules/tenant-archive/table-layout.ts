import { quoteIdent } from '../../db/sql-identifier.js';

/** Runs one parameterised statement on the connection at hand (a pg client or a tenant scope). */
export type RunSql = <R>(text: string, values?: unknown[]) => Promise<R[]>;

/** What the archive needs to know about one tenant table, read from the catalog, not hard-coded. */
export interface TableLayout {
  name: string;
  /** `"schema"."table"`, validated and quoted. */
  qualified: string;
  /** Every column but tenant_id, in table order: new columns a module adds travel without code changes. */
  columns: string[];
  /** Columns PostgreSQL computes itself (GENERATED ... STORED); exported, never inserted. */
  generated: Set<string>;
  /** Primary key columns after tenant_id, with their SQL types, for keyset paging. */
  key: Array<{ name: string; type: string }>;
}

/** The layout of `schema.table`, or undefined when the storage has no such table (yet). */
export async function readTableLayout(
  run: RunSql,
  schema: string,
  table: string,
): Promise<TableLayout | undefined> {
  const qualified = `${quoteIdent(schema)}.${quoteIdent(table)}`;
  const [found] = await run<{ oid: number | null }>('select to_regclass($1)::oid as oid', [qualified]);
  if (!found?.oid) return undefined;
  const rows = await run<{ name: string; type: string; generated: string; key_pos: number | null }>(
    `select a.attname as name, format_type(a.atttypid, a.atttypmod) as type,
            a.attgenerated::text as generated, array_position(i.indkey::int2[], a.attnum) as key_pos
       from pg_attribute a
       left join pg_index i on i.indrelid = a.attrelid and i.indisprimary
      where a.attrelid = $1 and a.attnum > 0 and not a.attisdropped
      order by a.attnum`,
    [found.oid],
  );
  const key = rows
    .filter((row) => row.key_pos !== null && row.name !== 'tenant_id')
    .sort((a, b) => a.key_pos! - b.key_pos!)
    .map((row) => ({ name: row.name, type: row.type }));
  if (key.length === 0) throw new Error(`tenant table ${table} has no primary key beyond tenant_id`);
  const columns = rows.map((row) => row.name).filter((name) => name !== 'tenant_id');
  columns.forEach(quoteIdent); // refuse, early, a name this code could not quote
  return {
    name: table,
    qualified,
    columns,
    generated: new Set(rows.filter((row) => row.generated !== '').map((row) => row.name)),
    key,
  };
}
