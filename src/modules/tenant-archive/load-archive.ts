import { CompiledQuery } from 'kysely';
import { AppError } from '../../errors.js';
import type { TenantScope } from '../../tenancy/tenant-scope.js';
import type { ArchiveManifest, ArchiveTable } from './archive-format.js';
import { readArchive } from './read-archive.js';
import type { ArchiveUpgrade } from '../archive-upgrade.js';
import { convertStagedTables, stageOldTables, upgradesFor } from './stage-old-tables.js';
import { readTableLayout, type RunSql, type TableLayout } from './table-layout.js';

/**
 * Rows provisioning seeds in a tenant before anyone uses it (the built-in roles): a tenant holding
 * only these is empty, and the archive's own copies replace them.
 */
const SEEDED_ROWS: Record<string, string> = { roles: 'built_in' };

const invalid = (message: string): AppError => new AppError('VALIDATION_FAILED', message);

/** Target layouts of the archive's tables; refuses what this installation's tables cannot hold. */
async function layoutsFor(
  run: RunSql,
  schema: string,
  manifest: ArchiveManifest,
  staged: Map<string, TableLayout> = new Map(),
): Promise<Map<string, TableLayout>> {
  const layouts = new Map<string, TableLayout>();
  for (const table of manifest.tables) {
    const layout = staged.get(table.name) ?? (await readTableLayout(run, schema, table.name));
    if (!layout) throw invalid(`The archive has table ${table.name}, which this tenant's storage does not`);
    const unknown = table.columns.filter((column) => !layout.columns.includes(column));
    if (unknown.length > 0) {
      throw invalid(
        `The archive's table ${table.name} has columns this installation does not: ${unknown.join(', ')}`,
      );
    }
    layouts.set(table.name, layout);
  }
  return layouts;
}

/** Refuses (409) a tenant holding anything but seeded rows, then removes those. */
async function requireEmpty(run: RunSql, schema: string, tenantId: string, tables: string[]): Promise<void> {
  for (const table of tables) {
    const layout = await readTableLayout(run, schema, table);
    if (!layout) continue;
    const marker = SEEDED_ROWS[table];
    const seeded = marker && layout.columns.includes(marker) ? ` and not "${marker}"` : '';
    const [found] = await run(`select 1 from ${layout.qualified} where tenant_id = $1${seeded} limit 1`, [
      tenantId,
    ]);
    if (found) throw new AppError('CONFLICT', `Import needs an empty tenant; this one has rows in ${table}`);
    if (seeded) await run(`delete from ${layout.qualified} where tenant_id = $1 and "${marker}"`, [tenantId]);
  }
}

/** Inserts one batch of archive rows under the scope's tenant id, whatever id they were exported under. */
function insertBatch(
  run: RunSql,
  tenantId: string,
  layout: TableLayout,
  table: ArchiveTable,
  rows: string[],
) {
  const columns = table.columns
    .filter((column) => !layout.generated.has(column))
    .map((column) => `"${column}"`);
  return run(
    `insert into ${layout.qualified} ("tenant_id", ${columns.join(', ')}) overriding system value
     select $1, ${columns.map((column) => `r.${column}`).join(', ')}
       from jsonb_populate_recordset(null::${layout.qualified}, $2::jsonb) r`,
    [tenantId, `[${rows.join(',')}]`],
  );
}

/**
 * An import re-keys: the source's API keys arrive revoked and with no usable hash, so a source
 * key relabelled with the copy's id opens nothing here. Rows stay, for the audit trail's sake.
 */
async function revokeImportedApiKeys(run: RunSql, layout: TableLayout | undefined, tenantId: string) {
  if (!layout) return;
  await run(
    `update ${layout.qualified} set revoked_at = coalesce(revoked_at, now()), secret_hash = '' where tenant_id = $1`,
    [tenantId],
  );
}

/**
 * Loads a verified archive into the scope's (empty) tenant, inside the scope's one transaction:
 * the archive is read again and every checksum checked as rows go in, so what commits is exactly
 * what was verified, and any failure rolls everything back. Column names come from the catalog
 * and from a manifest whose identifiers were validated, so they are safe to quote as they are.
 * A table the archive holds in an older shape (`upgrades`, ids qualified `<module>:<id>`) is
 * loaded into a temporary table of that shape, then converted into today's.
 */
export async function loadArchive(
  scope: TenantScope,
  schema: string,
  file: string,
  manifest: ArchiveManifest,
  tenantTables: string[],
  upgrades: ArchiveUpgrade[] = [],
): Promise<Record<string, number>> {
  const run: RunSql = async (text, values = []) =>
    (await scope.db.executeQuery(CompiledQuery.raw(text, values))).rows as never[];
  const staged = await stageOldTables(run, upgradesFor(manifest, upgrades));
  const stagings = new Map([...staged].map(([table, { staging }]) => [table, staging]));
  const layouts = await layoutsFor(run, schema, manifest, stagings);
  await requireEmpty(run, schema, scope.tenantId, tenantTables);
  const counts: Record<string, number> = {};
  await readArchive(file, async (table, rows) => {
    await insertBatch(run, scope.tenantId, layouts.get(table.name)!, table, rows);
    counts[table.name] = (counts[table.name] ?? 0) + rows.length;
  });
  const targets = new Map<string, TableLayout>();
  for (const table of staged.keys()) {
    const target = await readTableLayout(run, schema, table);
    if (!target) throw invalid(`The archive has table ${table}, which this tenant's storage does not`);
    targets.set(table, target);
  }
  await convertStagedTables(run, staged, targets);
  for (const table of manifest.tables) counts[table.name] ??= 0;
  await revokeImportedApiKeys(run, layouts.get('api_keys'), scope.tenantId);
  return counts;
}
