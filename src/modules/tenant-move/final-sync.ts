import { quoteIdent } from '../../db/sql-identifier.js';
import type { TableLayout } from '../tenant-archive/table-layout.js';
import type { ChangedKeys, LoggedKey } from './change-log.js';
import {
  applyDeletes,
  applyUpserts,
  CHUNK_ROWS,
  diffRange,
  diffRows,
  type KeyRange,
  keyList,
  type MoveStorage,
  rangeDigest,
  ROW,
  type RangeFix,
  type RowsByKey,
  selectRows,
  type TablePair,
} from './storage-sync.js';

/**
 * What is not known to be equal when the source is fenced: the ranges that differed during the
 * last full verification pass, and the keys the tenant wrote since that pass began.
 */
export interface DirtySet {
  ranges: KeyRange[];
  keys: ChangedKeys;
}

function keyedRows(storage: MoveStorage, layout: TableLayout, tenantId: string, keys: LoggedKey[]) {
  const names = layout.key.map((c) => `k.${quoteIdent(c.name)}`);
  return selectRows(
    storage,
    layout,
    `${ROW}.tenant_id = $1 and (${keyList(layout)}) in
       (select ${names.join(', ')} from jsonb_populate_recordset(null::${layout.qualified}, $2::jsonb) k)`,
    [tenantId, JSON.stringify(keys)],
  );
}

function batches<T>(items: T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += CHUNK_ROWS) out.push(items.slice(i, i + CHUNK_ROWS));
  return out;
}

async function rangeMatches(source: MoveStorage, target: MoveStorage, tenantId: string, range: KeyRange) {
  const here = await rangeDigest(source, range.table.source, tenantId, range.after, range.upTo);
  const there = await rangeDigest(target, range.table.target, tenantId, range.after, range.upTo);
  return here.n === there.n && here.digest === there.digest;
}

const same = (a: RowsByKey, b: RowsByKey) =>
  a.size === b.size && [...a].every(([k, r]) => b.get(k)?.row === r.row);

/**
 * Copies the rows of logged keys while the tenant serves, each batch in its own transaction. A
 * batch refused by a constraint is left: the verification pass after it finds and fixes the range.
 */
export async function copyChangedKeys(
  source: MoveStorage,
  target: MoveStorage,
  pairs: TablePair[],
  tenantId: string,
  changes: ChangedKeys,
): Promise<number> {
  let written = 0;
  for (const table of pairs) {
    for (const batch of batches(changes.get(table.name) ?? [])) {
      const fromSource = await keyedRows(source, table.source, tenantId, batch);
      const inTarget = await keyedRows(target, table.target, tenantId, batch);
      const fix = { table, after: undefined, upTo: undefined, ...diffRows(table, fromSource, inTarget) };
      await target.client.query('begin');
      try {
        await applyDeletes(target, fix, tenantId);
        await applyUpserts(target, fix);
        await target.client.query('commit');
        written += fix.upserts.length;
      } catch (error) {
        await target.client.query('rollback');
        if (!['23503', '23505'].includes((error as { code?: string }).code ?? '')) throw error;
      }
    }
  }
  return written;
}

/**
 * The final delta and its verification, with the source fenced: only the dirty set is read. Every
 * dirty range and key is fixed in ONE target transaction (deletes children first, then upserts
 * parents first), then each must match again: ranges by row count and ordered digest, keys row for
 * row. Every other range verified equal during the last pass and nobody wrote to it since (the
 * change log would hold its keys), so together the whole copy is verified. Throws on a mismatch.
 */
export async function finalSync(
  source: MoveStorage,
  target: MoveStorage,
  pairs: TablePair[],
  tenantId: string,
  dirty: DirtySet,
): Promise<{ rowsWritten: number; rangesChecked: number; rangesFixed: number; keysChecked: number }> {
  const order = new Map(pairs.map((pair, i) => [pair.name, i]));
  const fixes: RangeFix[] = [];
  const ranges: KeyRange[] = [];
  for (const range of dirty.ranges) {
    // Equal now, with the source fenced: a key fix below only rewrites rows that differ, so none
    // touches this range, and it is verified without reading its rows.
    if (await rangeMatches(source, target, tenantId, range)) continue;
    ranges.push(range);
    fixes.push(await diffRange(source, target, range.table, tenantId, range.after, range.upTo));
  }
  const keyed: Array<{ table: TablePair; keys: LoggedKey[] }> = [];
  for (const [name, keys] of dirty.keys) {
    const table = pairs.find((pair) => pair.name === name);
    if (!table) continue;
    for (const batch of batches(keys)) {
      keyed.push({ table, keys: batch });
      const fromSource = await keyedRows(source, table.source, tenantId, batch);
      const inTarget = await keyedRows(target, table.target, tenantId, batch);
      fixes.push({ table, after: undefined, upTo: undefined, ...diffRows(table, fromSource, inTarget) });
    }
  }
  fixes.sort((a, b) => order.get(a.table.name)! - order.get(b.table.name)!);
  if (fixes.some((fix) => fix.deletes.length + fix.upserts.length > 0)) {
    await target.client.query('begin');
    try {
      for (const fix of [...fixes].reverse()) await applyDeletes(target, fix, tenantId);
      for (const fix of fixes) await applyUpserts(target, fix);
      await target.client.query('commit');
    } catch (error) {
      await target.client.query('rollback');
      throw error;
    }
  }
  const mismatched = new Set<string>();
  for (const range of ranges) {
    if (!(await rangeMatches(source, target, tenantId, range))) mismatched.add(range.table.name);
  }
  for (const { table, keys } of keyed) {
    const here = await keyedRows(source, table.source, tenantId, keys);
    const there = await keyedRows(target, table.target, tenantId, keys);
    if (!same(here, there)) mismatched.add(table.name);
  }
  if (mismatched.size > 0) {
    throw new Error(`the copy does not verify: ${[...mismatched].join(', ')} differ`);
  }
  return {
    rowsWritten: fixes.reduce((sum, fix) => sum + fix.upserts.length, 0),
    rangesChecked: dirty.ranges.length,
    rangesFixed: ranges.length,
    keysChecked: keyed.reduce((sum, k) => sum + k.keys.length, 0),
  };
}
