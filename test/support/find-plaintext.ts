import type pg from 'pg';
import { quoteIdent } from '../../src/db/sql-identifier.js';

/**
 * Every place in the platform schema (any text, json, jsonb or text[] column of any table) that
 * holds one of `needles` as plain text, as `table.column`; empty when none does.
 */
export async function findPlaintext(owner: pg.ClientBase, needles: string[]): Promise<string[]> {
  const { rows: columns } = await owner.query<{ table: string; column: string }>(
    `select c.table_name as table, c.column_name as column
       from information_schema.columns c
       join information_schema.tables t using (table_schema, table_name)
      where c.table_schema = 'platform' and t.table_type = 'BASE TABLE'
        and c.data_type in ('text', 'character varying', 'json', 'jsonb', 'ARRAY', 'bytea')`,
  );
  const found: string[] = [];
  for (const { table, column } of columns) {
    const { rows } = await owner.query<{ hit: boolean }>(
      `select exists (select 1 from platform.${quoteIdent(table)} row, unnest($1::text[]) needle
                       where position(needle in row.${quoteIdent(column)}::text) > 0) as hit`,
      [needles.filter((needle) => needle !== '')],
    );
    if (rows[0]!.hit) found.push(`${table}.${column}`);
  }
  return found;
}
