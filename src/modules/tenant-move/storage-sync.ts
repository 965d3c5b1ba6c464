import type pg from 'pg';
import { quoteIdent } from '../../db/sql-identifier.js';
import { readTableLayout, type TableLayout } from '../tenant-archive/table-layout.js';

/** An owner connection to one storage of the moving tenant and the schema its tables are in. */
export interface MoveStorage {
  client: pg.Client;
  schema: string;
}

/** Rows compared (and re-copied when they differ) at a time, in primary-key order. */
export const CHUNK_ROWS = 5000;

export const ROW = 'tb_move_row';

/**
 * Session settings of a move's connections: the tenant (row-level security), the copy's pass
 * through the pool fence, and the text forms that make a row read the same in every storage.
 */
export async function prepareMoveSession(client: pg.ClientBase, tenantId: string): Promise<void> {
  await client.query(
    `select set_config('tenantbase.tenant_id', $1, false), set_config('tenantbase.move_copy', 'on', false),
            set_config('TimeZone', 'UTC', false), set_config('extra_float_digits', '1', false),
            set_config('IntervalStyle', 'postgres', false)`,
    [tenantId],
  );
}

/** One table on both sides: the same layout, qualified by each side's schema. */
export interface TablePair {
  name: string;
  source: TableLayout;
  target: TableLayout;
}

/** What to change in the target for one range of one table. */
export interface RangeFix {
  table: TablePair;
  /** Exclusive lower bound (undefined: from the start); inclusive upper (undefined: to the end). */
  after: string[] | undefined;
  upTo: string[] | undefined;
  deletes: Array<Record<string, string>>;
  upserts: string[];
}

export const keyList = (layout: TableLayout) =>
  layout.key.map((c) => `${ROW}.${quoteIdent(c.name)}`).join(', ');
const keyParams = (layout: TableLayout, from: number) =>
  layout.key.map((c, i) => `$${i + from}::${c.type}`).join(', ');

function rangeWhere(layout: TableLayout, after: string[] | undefined, upTo: string[] | undefined) {
  const values: string[] = [];
  let where = `${ROW}.tenant_id = $1`;
  if (after) {
    where += ` and (${keyList(layout)}) > (${keyParams(layout, 2)})`;
    values.push(...after);
  }
  if (upTo) {
    where += ` and (${keyList(layout)}) <= (${keyParams(layout, 2 + values.length)})`;
    values.push(...upTo);
  }
  return { where, values };
}

export async function layoutsOf(
  source: MoveStorage,
  target: MoveStorage,
  tables: string[],
): Promise<TablePair[]> {
  const run =
    (client: pg.Client) =>
    async <R>(text: string, values?: unknown[]) =>
      (await client.query(text, values)).rows as R[];
  const pairs: TablePair[] = [];
  for (const name of tables) {
    const s = await readTableLayout(run(source.client), source.schema, name);
    const t = await readTableLayout(run(target.client), target.schema, name);
    if (!s && !t) continue;
    if (!s || !t) throw new Error(`table ${name} exists on one side of the move only`);
    pairs.push({ name, source: s, target: t });
  }
  return pairs;
}

/** The next chunk of the source after `after`: its row count, digest and last key. */
async function sourceChunk(storage: MoveStorage, layout: TableLayout, tenantId: string, after?: string[]) {
  const { where, values } = rangeWhere(layout, after, undefined);
  const keys = keyList(layout);
  const { rows } = await storage.client.query<{ n: number; digest: string | null; last: string[] | null }>(
    `with c as (
       select to_jsonb(${ROW})::text as row, array[${layout.key.map((k) => `${ROW}.${quoteIdent(k.name)}::text`).join(', ')}] as key,
              row_number() over (order by ${keys}) as ord
         from ${layout.qualified} ${ROW} where ${where} order by ${keys} limit ${CHUNK_ROWS})
     select count(*)::int as n, md5(string_agg(row, E'\\n' order by ord)) as digest,
            (select key from c order by ord desc limit 1) as last from c`,
    [tenantId, ...values],
  );
  return rows[0]!;
}

/** Row count and digest of the target's rows in (after, upTo], in the same order and form. */
export async function rangeDigest(
  storage: MoveStorage,
  layout: TableLayout,
  tenantId: string,
  after: string[] | undefined,
  upTo: string[] | undefined,
) {
  const { where, values } = rangeWhere(layout, after, upTo);
  const { rows } = await storage.client.query<{ n: number; digest: string | null }>(
    `select count(*)::int as n, md5(string_agg(to_jsonb(${ROW})::text, E'\\n' order by ${keyList(layout)})) as digest
       from ${layout.qualified} ${ROW} where ${where}`,
    [tenantId, ...values],
  );
  return rows[0]!;
}

/** Rows keyed by their key values as text, in the one form both sides of a move compare. */
export type RowsByKey = Map<string, { row: string; key: string[] }>;

/** The rows of `layout` matching `where` (over the alias ROW; $1 is the tenant), by key. */
export async function selectRows(
  storage: MoveStorage,
  layout: TableLayout,
  where: string,
  values: unknown[],
): Promise<RowsByKey> {
  const { rows } = await storage.client.query<{ row: string; key: string[] }>(
    `select to_jsonb(${ROW})::text as row, array[${layout.key.map((k) => `${ROW}.${quoteIdent(k.name)}::text`).join(', ')}] as key
       from ${layout.qualified} ${ROW} where ${where}`,
    values,
  );
  return new Map(rows.map((r) => [r.key.join('\u0000'), r]));
}

/** The upserts and deletes that make the target's rows equal to the source's, over the same keys. */
export function diffRows(table: TablePair, fromSource: RowsByKey, inTarget: RowsByKey) {
  const upserts = [...fromSource].filter(([k, r]) => inTarget.get(k)?.row !== r.row).map(([, r]) => r.row);
  const deletes = [...inTarget]
    .filter(([k]) => !fromSource.has(k))
    .map(([, r]) => Object.fromEntries(table.target.key.map((c, i) => [c.name, r.key[i]!])));
  return { upserts, deletes };
}

/** The changes that make the target's (after, upTo] equal to the source's. */
export async function diffRange(
  source: MoveStorage,
  target: MoveStorage,
  table: TablePair,
  tenantId: string,
  after: string[] | undefined,
  upTo: string[] | undefined,
): Promise<RangeFix> {
  const { where, values } = rangeWhere(table.source, after, upTo);
  const fromSource = await selectRows(source, table.source, where, [tenantId, ...values]);
  const inTarget = await selectRows(target, table.target, where, [tenantId, ...values]);
  return { table, after, upTo, ...diffRows(table, fromSource, inTarget) };
}

export async function applyDeletes(target: MoveStorage, fix: RangeFix, tenantId: string): Promise<void> {
  if (fix.deletes.length === 0) return;
  const layout = fix.table.target;
  const keys = layout.key.map((c) => quoteIdent(c.name)).join(', ');
  await target.client.query(
    `delete from ${layout.qualified} ${ROW} where ${ROW}.tenant_id = $1 and (${keyList(layout)}) in
       (select ${keys} from jsonb_populate_recordset(null::${layout.qualified}, $2::jsonb))`,
    [tenantId, JSON.stringify(fix.deletes)],
  );
}

export async function applyUpserts(target: MoveStorage, fix: RangeFix): Promise<void> {
  if (fix.upserts.length === 0) return;
  const layout = fix.table.target;
  const columns = ['tenant_id', ...layout.columns.filter((c) => !layout.generated.has(c))].map(quoteIdent);
  const keyNames = layout.key.map((c) => c.name);
  const updates = columns.filter((c) => c !== '"tenant_id"' && !keyNames.some((k) => quoteIdent(k) === c));
  const onConflict = updates.length
    ? `do update set ${updates.map((c) => `${c} = excluded.${c}`).join(', ')}`
    : 'do nothing';
  await target.client.query(
    `insert into ${layout.qualified} (${columns.join(', ')}) overriding system value
     select ${columns.join(', ')} from jsonb_populate_recordset(null::${layout.qualified}, $1::jsonb)
     on conflict ("tenant_id", ${keyNames.map(quoteIdent).join(', ')}) ${onConflict}`,
    [`[${fix.upserts.join(',')}]`],
  );
}

/**
 * Walks every chunk of every table; `visit` gets the ranges whose digests differ. The ranges
 * follow each other without gaps, from before the first key to past the last.
 */
async function walk(
  source: MoveStorage,
  target: MoveStorage,
  pairs: TablePair[],
  tenantId: string,
  visit: (pair: TablePair, after: string[] | undefined, upTo: string[] | undefined) => Promise<void>,
): Promise<void> {
  for (const pair of pairs) {
    let after: string[] | undefined;
    for (;;) {
      const chunk = await sourceChunk(source, pair.source, tenantId, after);
      if (chunk.n === 0) {
        // Past the source's last row: the target must hold nothing more.
        const tail = await rangeDigest(target, pair.target, tenantId, after, undefined);
        if (tail.n > 0) await visit(pair, after, undefined);
        break;
      }
      const upTo = chunk.last!;
      const there = await rangeDigest(target, pair.target, tenantId, after, upTo);
      if (there.n !== chunk.n || there.digest !== chunk.digest) await visit(pair, after, upTo);
      after = upTo;
    }
  }
}

/** A key range of one table: (after, upTo], open-ended where undefined. */
export interface KeyRange {
  table: TablePair;
  after: string[] | undefined;
  upTo: string[] | undefined;
}

/** What one pass did: rows written, ranges it could not fix yet, and every range that differed. */
export interface PassResult {
  rowsWritten: number;
  rangesFixed: number;
  rangesSkipped: number;
  /** Ranges whose digests differed during the pass: not verified until checked again. */
  unverified: KeyRange[];
}

/**
 * One copy pass while the tenant serves: every range of the target that differs from the source
 * is made equal, in its own transaction. A range refused by a constraint (a child row whose parent
 * arrived after its table was passed) is left for the next pass or the final one.
 */
export async function copyPass(
  source: MoveStorage,
  target: MoveStorage,
  tables: string[],
  tenantId: string,
  onProgress: (rowsWritten: number) => Promise<void>,
  options: { recheck?: boolean } = {},
): Promise<PassResult> {
  const pairs = await layoutsOf(source, target, tables);
  const result: PassResult = { rowsWritten: 0, rangesFixed: 0, rangesSkipped: 0, unverified: [] };
  await walk(source, target, pairs, tenantId, async (pair, after, upTo) => {
    // With `recheck`, a range whose digests match right after its fix counts as verified (a
    // write after that is in the change log): the freeze then re-reads only what stayed unequal.
    for (let attempt = 0; attempt < (options.recheck ? 3 : 1); attempt++) {
      const fix = await diffRange(source, target, pair, tenantId, after, upTo);
      await target.client.query('begin');
      try {
        await applyDeletes(target, fix, tenantId);
        await applyUpserts(target, fix);
        await target.client.query('commit');
        result.rowsWritten += fix.upserts.length;
        result.rangesFixed += 1;
        await onProgress(result.rowsWritten);
      } catch (error) {
        await target.client.query('rollback');
        if (!['23503', '23505'].includes((error as { code?: string }).code ?? '')) throw error;
        result.rangesSkipped += 1;
        break;
      }
      if (!options.recheck) break;
      const here = await rangeDigest(source, pair.source, tenantId, after, upTo);
      const there = await rangeDigest(target, pair.target, tenantId, after, upTo);
      if (here.n === there.n && here.digest === there.digest) return;
    }
    result.unverified.push({ table: pair, after, upTo });
  });
  return result;
}
