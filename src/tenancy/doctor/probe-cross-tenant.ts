import type pg from 'pg';
import { quoteIdent } from '../../db/sql-identifier.js';
import { TENANT_SETTING } from '../tenant-database.js';
import { type IsolationCheck, verdict } from './isolation-check.js';

/** A scope no tenant can have (not a valid tenant id): every row it sees belongs to someone else. */
const STRANGER = '-doctor-probe-';

const TENANT_TABLES = `
  select c.relname as table from pg_class c join pg_namespace n on n.oid = c.relnamespace
   where n.nspname = $1 and c.relkind in ('r', 'p')
     and exists (select 1 from pg_attribute a where a.attrelid = c.oid and a.attname = 'tenant_id'
                   and not a.attisdropped)
   order by c.relname`;

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
 * The live fence, through the application role: a scope that is no tenant's, and no scope at
 * all, must read and update no row of any tenant table, while the storage's own tenants do see
 * theirs (else the probe proved nothing: `warn`). Runs in one transaction that is rolled back.
 */
export async function probeCrossTenant(
  app: pg.ClientBase,
  label: string,
  schema: string,
  tenants: string[],
): Promise<IsolationCheck[]> {
  const { rows } = await app.query<{ table: string }>(TENANT_TABLES, [schema]);
  const qualified = rows.map((row) => ({
    name: row.table,
    sql: `${quoteIdent(schema)}.${quoteIdent(row.table)}`,
  }));
  const reads: string[] = [];
  const writes: string[] = [];
  const unprobed: string[] = [];
  let own = 0;
  await app.query('begin');
  try {
    for (const [who, scope] of [
      ['a stranger scope', STRANGER],
      ['no scope', null],
    ] as const) {
      await scoped(app, scope);
      for (const table of qualified) {
        const read = await reached(app, `select count(*)::int as n from ${table.sql}`, unprobed);
        if (read > 0) reads.push(`${who} reads ${read} rows of ${table.name}`);
        // One row is proof enough, and keeps a broken fence from rewriting a whole table.
        const written = await reached(
          app,
          `update ${table.sql} set tenant_id = tenant_id where ctid in (select ctid from ${table.sql} limit 1)`,
          unprobed,
        );
        if (written > 0) writes.push(`${who} updates ${written} rows of ${table.name}`);
      }
    }
    for (const tenant of tenants) {
      await scoped(app, tenant);
      for (const table of qualified)
        own += await reached(app, `select count(*)::int as n from ${table.sql}`, unprobed);
    }
  } finally {
    await app.query('rollback');
  }
  const results = [
    verdict(
      `${label}:cross-tenant-read`,
      reads,
      `${qualified.length} tables: nothing outside the scope is read`,
    ),
    verdict(
      `${label}:cross-tenant-write`,
      writes,
      `${qualified.length} tables: nothing outside the scope is updated`,
    ),
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
