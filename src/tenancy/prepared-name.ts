import { createHash } from 'node:crypto';

/**
 * A prepared statement's name for `text`, unique to it: pg refuses one name for two texts on a
 * connection, and a text per storage schema (textPerSchema) must not share a name with another
 * schema's. `kind` keeps the name readable in pg_prepared_statements.
 */
export function preparedName(kind: string, text: string): string {
  return `tb_${kind}_${createHash('sha256').update(text).digest('hex').slice(0, 24)}`;
}
