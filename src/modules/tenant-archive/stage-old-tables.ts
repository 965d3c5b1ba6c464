import { quoteIdent } from '../../db/sql-identifier.js';
import type { ArchiveUpgrade } from '../archive-upgrade.js';
import type { ArchiveManifest } from './archive-format.js';
import { readTableLayout, type RunSql, type TableLayout } from './table-layout.js';

/** An archive table in an older shape: where its rows are staged, and how they move on. */
export interface StagedTable {
  upgrade: ArchiveUpgrade;
  /** The temporary table of the old shape the archive's rows go into. */
  staging: TableLayout;
}

/** The upgrades `manifest` needs: tables it holds that a migration it does not list reshaped. */
export function upgradesFor(manifest: ArchiveManifest, upgrades: ArchiveUpgrade[]): ArchiveUpgrade[] {
  const tables = new Set(manifest.tables.map((table) => table.name));
  return upgrades.filter(
    (upgrade) => tables.has(upgrade.table) && !manifest.migrations.includes(upgrade.migration),
  );
}

/**
 * Creates, inside the import's transaction, a temporary table of each upgraded table's old shape
 * (dropped at commit) and answers its layout, which the archive's rows are checked against and
 * loaded into instead of today's table.
 */
export async function stageOldTables(
  run: RunSql,
  upgrades: ArchiveUpgrade[],
): Promise<Map<string, StagedTable>> {
  const staged = new Map<string, StagedTable>();
  for (const upgrade of upgrades) {
    const name = `upgrade_${upgrade.table}`.slice(0, 63);
    const columns = upgrade.columns.map((column) => `${quoteIdent(column.name)} ${column.type}`);
    const key = ['tenant_id', ...upgrade.primaryKey].map(quoteIdent);
    await run(
      `create temporary table ${quoteIdent(name)} (tenant_id text not null, ${columns.join(', ')},
         primary key (${key.join(', ')})) on commit drop`,
    );
    const staging = await readTableLayout(run, 'pg_temp', name);
    if (!staging) throw new Error(`the staging table ${name} was not created`);
    staged.set(upgrade.table, { upgrade, staging });
  }
  return staged;
}

/** Moves every staged table's rows into today's table, converted by its module. */
export async function convertStagedTables(
  run: RunSql,
  staged: Map<string, StagedTable>,
  targets: Map<string, TableLayout>,
): Promise<void> {
  for (const [table, { upgrade, staging }] of staged) {
    const target = targets.get(table);
    if (!target) throw new Error(`no table ${table} to convert archive rows into`);
    await run(upgrade.convert(target.qualified, staging.qualified));
  }
}
