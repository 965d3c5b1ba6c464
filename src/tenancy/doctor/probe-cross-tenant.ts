import type pg from 'pg';
import { quoteIdent } from '../../db/sql-identifier.js';
import { TENANT_SETTING } from '../tenant-database.js';
import { type IsolationCheck, verdict } from './isolation-check.js';

/** A scope no tenant can have (not a valid tenant id): every row it sees belongs to someone else. */
export const STRANGER = '-doctor-probe-';

/** The scopes that must reach no tenant row: a stranger's, and none at all. */
export const PROBE_SCOPES = [
  ['a stranger scope', STRANGER],
  ['no scope', null],
] as const;

const TENANT_TABLES = `
  select n.nspname as schema, c.relname as table from pg_class c join pg_namespace n on n.oid = c.relnamespace
   where n.nspname = any($1) and c.relkind in ('r', 'p')
     and exists (select 1 from pg_attribute a where a.attrelid = c.oid and a.attname = 'tenant_id'
                   and not a.attisdropped)
   order by n.nspname, c.relname`;

/**
 * The tables with a `tenant_id` of each schema, for many schemas in one catalogue read: pg_class
 * has no index on the namespace alone, so one read per schema would scan it once per tenant.
 */
export async function tenantTablesOf(app: pg.ClientBase, schemas: string[]): Promise<Map<string, string[]>> {
  const { rows } = await app.query<{ schema: string; table: string }>(TENANT_TABLES, [schemas]);
  const tables = new Map<string, string[]>(schemas.map((schema) => [schema, []]));
  for (const row of rows) tables.get(row.schema)?.push(row.table);
  return tables;
}

async function scoped(app: pg.ClientBase, tenantId: string | null): Promise<void> {
  await app.query(`select set_config('${TENANT_SETTING}', $1, true)`, [tenantId ?? '']);
}

/**
 * Runs one statement under a savepoint. A refusal (permission denied) reached nothing; any other
 * error means the probe could not run, which is noted in `unprobed` rather than taken as a pass.
 */
async function reached(app: pg.ClientBase, text: string, unprobed: string[]): Promise<number> {
  await app.query('savepoint probe');
  try {
    const result = await app.query<{ n?: number }>(text);
    await app.query('release savepoint probe');
    return result.command === 'SELECT' ? Number(result.rows[0]?.n ?? 0) : (result.rowCount ?? 0);
  } catch (error) {
    await app.query('rollback to savepoint probe');
    if ((error as { code?: string }).code !== '42501') unprobed.push((error as Error).message);
    return 0;
  }
}

/**
 * Row counts of every statement of `each`, asked as one combined statement (a round trip per
 * scope rather than per table: thousands of tenant schemas are probed in one doctor run); when
 * the combined statement fails, e.g. one table is refused, each statement is run on its own.
 */
async function reachedAll(
  app: pg.ClientBase,
  combined: string,
  each: string[],
  unprobed: string[],
): Promise<number[]> {
  await app.query('savepoint probe_all');
  try {
    const result = await app.query<Record<string, number>>(combined);
    await app.query('release savepoint probe_all');
    const row = result.rows[0] ?? {};
    return each.map((_, i) => Number(row[`n${i}`] ?? 0));
  } catch {
    await app.query('rollback to savepoint probe_all');
    const counts: number[] = [];
    for (const text of each) counts.push(await reached(app, text, unprobed));
    return counts;
  }
}

export const countOf = (table: string) => `select count(*)::int as n from ${table}`;
// One row is proof enough, and keeps a broken fence from rewriting a whole table.
export const touchOne = (table: string) =>
  `update ${table} set tenant_id = tenant_id where ctid in (select ctid from ${table} limit 1)`;

function combinedCounts(tables: string[]): string {
  return `select ${tables.map((table, i) => `(select count(*)::int from ${table}) as n${i}`).join(', ')}`;
}

function combinedTouches(tables: string[]): string {
  const updates = tables.map((table, i) => `u${i} as (${touchOne(table)} returning 1)`);
  return `with ${updates.join(', ')} select ${tables.map((_, i) => `(select count(*)::int from u${i}) as n${i}`).join(', ')}`;
}

/**
 * The live fence, through the application role: a scope that is no tenant's, and no scope at
 * all, must read and update no row of any tenant table, while the storage's own tenants do see
 * theirs (else the probe proved nothing: `warn`). Runs in one transaction that is rolled back.
 */
export async function probeCrossTenant(
  app: pg.ClientBase,
  label: string,
  schema: string,
  tenants: string[],
  tableNames?: string[],
): Promise<IsolationCheck[]> {
  const names = tableNames ?? (await tenantTablesOf(app, [schema])).get(schema) ?? [];
  const qualified = names.map((name) => ({ name, sql: `${quoteIdent(schema)}.${quoteIdent(name)}` }));
  const reads: string[] = [];
  const writes: string[] = [];
  const unprobed: string[] = [];
  let own = 0;
  const tables = qualified.map((table) => table.sql);
  await app.query('begin');
  try {
    if (tables.length > 0) {
      for (const [who, scope] of PROBE_SCOPES) {
        await scoped(app, scope);
        const read = await reachedAll(app, combinedCounts(tables), tables.map(countOf), unprobed);
        const written = await reachedAll(app, combinedTouches(tables), tables.map(touchOne), unprobed);
        qualified.forEach((table, i) => {
          if (read[i]! > 0) reads.push(`${who} reads ${read[i]} rows of ${table.name}`);
          if (written[i]! > 0) writes.push(`${who} updates ${written[i]} rows of ${table.name}`);
        });
      }
      for (const tenant of tenants) {
        await scoped(app, tenant);
        const seen = await reachedAll(app, combinedCounts(tables), tables.map(countOf), unprobed);
        own += seen.reduce((sum, n) => sum + n, 0);
      }
    }
  } finally {
    await app.query('rollback');
  }
  return probeVerdicts(label, qualified.length, reads, writes, unprobed, own);
}

/**
 * The probe's results for one storage: `reads` and `writes` name what crossed, `unprobed` the
 * probes that could not run, `own` the rows the storage's tenants saw of their own.
 */
export function probeVerdicts(
  label: string,
  tables: number,
  reads: string[],
  writes: string[],
  unprobed: string[],
  own: number,
): IsolationCheck[] {
  const results = [
    verdict(`${label}:cross-tenant-read`, reads, `${tables} tables: nothing outside the scope is read`),
    verdict(`${label}:cross-tenant-write`, writes, `${tables} tables: nothing outside the scope is updated`),
  ];
  if (unprobed.length > 0) {
    results.push({
      name: `${label}:probe-errors`,
      status: 'warn',
      detail: `${unprobed.length} probes could not run: ${[...new Set(unprobed)].join('; ')}`,
    });
  }
  results.push(
    own > 0 || reads.length > 0
      ? { name: `${label}:probe-coverage`, status: 'ok', detail: `${own} rows seen by their own tenants` }
      : {
          name: `${label}:probe-coverage`,
          status: 'warn',
          detail: 'no tenant row to probe: the cross-tenant checks proved nothing here',
        },
  );
  return results;
}
