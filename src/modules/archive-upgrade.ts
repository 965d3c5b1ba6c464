/**
 * How a module reads one of its tables from a tenant archive exported before one of its
 * migrations reshaped that table. The old rows are loaded as they are into a temporary table of
 * the old shape (so the archive's checksums and PostgreSQL's typing apply unchanged), then moved
 * into today's table by one INSERT … SELECT, the migration's own conversion.
 */
export interface ArchiveUpgrade {
  /** The table's name, in the archive and in this installation. */
  table: string;
  /** Id of the module's migration that reshaped it: archives that list it need no upgrade. */
  migration: string;
  /** The table's columns before that migration, without tenant_id: `name type` each. */
  columns: Array<{ name: string; type: string }>;
  /** Its primary key then, after tenant_id. */
  primaryKey: string[];
  /**
   * One statement moving the rows of `staged` (every column of `columns` plus tenant_id) into
   * `target`; both are validated, quoted names. Rows keep the staged tenant_id (the importer's).
   */
  convert: (target: string, staged: string) => string;
}
