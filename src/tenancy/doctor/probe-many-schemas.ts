import type pg from 'pg';
import { quoteIdent, quoteLiteral } from '../../db/sql-identifier.js';
import { TENANT_SETTING } from '../tenant-database.js';
import type { IsolationCheck } from './isolation-check.js';
import { PROBE_SCOPES, probeCrossTenant, probeVerdicts } from './probe-cross-tenant.js';

/** One storage of a batch: its result label, its schema, its tenants and its tenant tables. */
export interface ProbeTarget {
  label: string;
  schema: string;
  tenants: string[];
  tables: string[];
}

const counts = (tables: string[]) =>
  `select ${tables.map((table, i) => `(select count(*)::int from ${table}) as n${i}`).join(', ')}`;

const setScope = (tenant: string | null) =>
  `select set_config('${TENANT_SETTING}', ${quoteLiteral(tenant ?? '')}, true)`;

const column = (row: Record<string, unknown> | undefined, name: string) => Number(row?.[name] ?? 0);

/**
 * The live cross-tenant probe of many schemas at once (see `probeCrossTenant` for what it proves):
 * one simple-query message per batch, so one round trip for dozens of tenant schemas instead of a
 * score per schema, each schema in its own transaction, rolled back. Every statement names
 * its schema in full and sets the scope it runs under. Only reads are asked here: the probe's
 * update picks its row with a read under the same scope, so a scope that reads nothing of a table
 * updates nothing of it either. A storage where something is read is probed again on its own,
 * reads and updates, for the full detail; so is every storage of a batch in which a statement
 * failed (a refused table, a policy that errors), which says which table and why. Results are in
 * the order of `targets`.
 */
export async function probeSchemas(app: pg.ClientBase, targets: ProbeTarget[]): Promise<IsolationCheck[][]> {
  const probed = targets.map((target) => ({
    ...target,
    qualified: target.tables.map((table) => `${quoteIdent(target.schema)}.${quoteIdent(table)}`),
  }));
  const withTables = probed.filter((target) => target.qualified.length > 0);
  // A transaction per schema, all in one message: the locks a schema's tables take are let go
  // before the next, so a batch holds no more of the server's shared lock table than one schema.
  const statements = withTables.flatMap((target) => [
    'begin',
    ...PROBE_SCOPES.flatMap(([, scope]) => [setScope(scope), counts(target.qualified)]),
    ...target.tenants.flatMap((tenant) => [setScope(tenant), counts(target.qualified)]),
    'rollback',
  ]);

  const alone = (target: ProbeTarget) =>
    probeCrossTenant(app, target.label, target.schema, target.tenants, target.tables);
  let answers: pg.QueryResult[] = [];
  try {
    if (statements.length > 0)
      // Several statements in one query string come back as one result each.
      answers = (await app.query(statements.join(';\n'))) as unknown as pg.QueryResult[];
  } catch {
    await app.query('rollback');
    const one: IsolationCheck[][] = [];
    for (const target of targets) one.push(await alone(target));
    return one;
  }

  const sum = (at: number, tables: number) => {
    const row = answers[at]?.rows[0] as Record<string, unknown> | undefined;
    return Array.from({ length: tables }, (_, i) => column(row, `n${i}`)).reduce((total, n) => total + n, 0);
  };
  const crossed = new Set<(typeof probed)[number]>();
  const own = new Map<(typeof probed)[number], number>();
  let at = 0;
  for (const target of withTables) {
    // begin, then a scope and its counts for each stranger scope and each own tenant, then rollback
    at += 1;
    for (let s = 0; s < PROBE_SCOPES.length; s++, at += 2)
      if (sum(at + 1, target.tables.length) > 0) crossed.add(target);
    for (let t = 0; t < target.tenants.length; t++, at += 2)
      own.set(target, (own.get(target) ?? 0) + sum(at + 1, target.tables.length));
    at += 1;
  }
  const results: IsolationCheck[][] = [];
  for (const target of probed) {
    results.push(
      crossed.has(target)
        ? await alone(target)
        : probeVerdicts(target.label, target.tables.length, [], [], [], own.get(target) ?? 0),
    );
  }
  return results;
}
