import { quoteIdent } from '../../db/sql-identifier.js';
import type { RunSql, TableLayout } from './table-layout.js';

const BATCH = 1000;

/** Where the rows of one tenant are read from: a connection, its schema and the tenant. */
export interface RowSource {
  run: RunSql;
  schema: string;
  tenantId: string;
}

/**
 * Yields one table's rows of the tenant as jsonb text without tenant_id, a batch at a time in
 * primary-key order (keyset paging: every batch is an index range scan, never an OFFSET). The
 * text is PostgreSQL's own, so bigint and numeric values keep every digit.
 */
export async function* readTableRows(source: RowSource, layout: TableLayout): AsyncGenerator<string[]> {
  // An alias no module would name a column, so to_jsonb() gets the whole row, not a column.
  const keys = layout.key.map((column) => `tb_archive_row.${quoteIdent(column.name)}`);
  const select =
    `select (to_jsonb(tb_archive_row) - 'tenant_id')::text as row, ` +
    keys.map((key, i) => `${key}::text as k${i}`).join(', ') +
    ` from ${layout.qualified} tb_archive_row where tb_archive_row.tenant_id = $1`;
  const order = ` order by ${keys.join(', ')} limit ${BATCH}`;
  const next = `(${keys.join(', ')}) > (${layout.key.map((column, i) => `$${i + 2}::${column.type}`).join(', ')})`;
  let after: string[] | undefined;
  for (;;) {
    const rows = await source.run<Record<string, string>>(
      after ? `${select} and ${next}${order}` : select + order,
      after ? [source.tenantId, ...after] : [source.tenantId],
    );
    if (rows.length > 0) yield rows.map((row) => row.row!);
    if (rows.length < BATCH) return;
    const last = rows[rows.length - 1]!;
    after = layout.key.map((_, i) => last[`k${i}`]!);
  }
}
