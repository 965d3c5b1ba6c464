import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registeredModules } from '../src/modules/registered-modules.js';
import { startTestInstance, type TestInstance } from './support/test-instance.js';

/**
 * Citus can distribute a table by `tenant_id` (create_distributed_table) only when every primary
 * key, unique constraint or index and exclusion constraint includes the distribution column, and
 * a foreign key between two distributed tables joins on it. This reads the live catalog of the
 * pool schema after every registered module's migrations ran, so a new module or migration that
 * breaks the rule fails here (README "Scaling out").
 */

interface TableFacts {
  table: string;
  columns: string[];
  /** Primary key, unique and exclusion constraints, and unique indexes: their columns. */
  uniques: { name: string; kind: string; columns: string[] }[];
  /** B-tree indexes that are not unique: their key columns. */
  btrees: { name: string; columns: string[] }[];
  foreignKeys: {
    name: string;
    columns: string[];
    referencedSchema: string;
    referencedTable: string;
    referencedColumns: string[];
  }[];
}

/** The migrations runner's bookkeeping: no tenant rows; on Citus a reference table (README). */
const BOOKKEEPING = 'tenant_migrations';

let tb: TestInstance;
let facts: Map<string, TableFacts>;
const tenantTables = registeredModules.flatMap((module) => module.tables);

async function readCatalog(): Promise<Map<string, TableFacts>> {
  const admin = tb.services.tenancy.adminPool;
  const schema = tb.services.tenancy.endpoints.names.poolSchema;
  const columns = await admin.query<{ table: string; columns: string[] }>(
    `select c.relname as table, array_agg(a.attname::text order by a.attnum) as columns
       from pg_class c join pg_namespace n on n.oid = c.relnamespace
       join pg_attribute a on a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped
      where n.nspname = $1 and c.relkind in ('r', 'p')
      group by c.relname`,
    [schema],
  );
  const uniques = await admin.query<{ table: string; name: string; kind: string; columns: string[] }>(
    `select c.relname as table, i.relname as name,
            case when con.contype = 'p' then 'primary key' when con.contype = 'x' then 'exclusion'
                 when con.contype = 'u' then 'unique constraint' else 'unique index' end as kind,
            array(select a.attname::text from unnest(x.indkey) with ordinality k(attnum, ord)
                    join pg_attribute a on a.attrelid = c.oid and a.attnum = k.attnum
                   where k.ord <= x.indnkeyatts order by k.ord) as columns
       from pg_index x join pg_class c on c.oid = x.indrelid join pg_class i on i.oid = x.indexrelid
       join pg_namespace n on n.oid = c.relnamespace
       left join pg_constraint con on con.conindid = x.indexrelid
      where n.nspname = $1 and (x.indisunique or x.indisprimary or con.contype = 'x')`,
    [schema],
  );
  const btrees = await admin.query<{ table: string; name: string; columns: string[] }>(
    `select c.relname as table, i.relname as name,
            array(select coalesce(a.attname::text, '(expression)') from unnest(x.indkey) with ordinality k(attnum, ord)
                    left join pg_attribute a on a.attrelid = c.oid and a.attnum = k.attnum
                   where k.ord <= x.indnkeyatts order by k.ord) as columns
       from pg_index x join pg_class c on c.oid = x.indrelid join pg_class i on i.oid = x.indexrelid
       join pg_am am on am.oid = i.relam join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = $1 and am.amname = 'btree' and not x.indisunique and not x.indisprimary`,
    [schema],
  );
  const foreignKeys = await admin.query<{
    table: string;
    name: string;
    columns: string[];
    referencedSchema: string;
    referencedTable: string;
    referencedColumns: string[];
  }>(
    `select c.relname as table, con.conname as name,
            array(select a.attname::text from unnest(con.conkey) with ordinality k(attnum, ord)
                    join pg_attribute a on a.attrelid = con.conrelid and a.attnum = k.attnum order by k.ord) as columns,
            rn.nspname as "referencedSchema", r.relname as "referencedTable",
            array(select a.attname::text from unnest(con.confkey) with ordinality k(attnum, ord)
                    join pg_attribute a on a.attrelid = con.confrelid and a.attnum = k.attnum order by k.ord) as "referencedColumns"
       from pg_constraint con join pg_class c on c.oid = con.conrelid
       join pg_namespace n on n.oid = c.relnamespace
       join pg_class r on r.oid = con.confrelid join pg_namespace rn on rn.oid = r.relnamespace
      where n.nspname = $1 and con.contype = 'f'`,
    [schema],
  );
  const result = new Map<string, TableFacts>();
  for (const row of columns.rows.filter((r) => r.table !== BOOKKEEPING))
    result.set(row.table, {
      table: row.table,
      columns: row.columns,
      uniques: [],
      btrees: [],
      foreignKeys: [],
    });
  for (const row of uniques.rows) result.get(row.table)?.uniques.push(row);
  for (const row of btrees.rows) result.get(row.table)?.btrees.push(row);
  for (const row of foreignKeys.rows) result.get(row.table)?.foreignKeys.push(row);
  return result;
}

beforeAll(async () => {
  tb = await startTestInstance();
  facts = await readCatalog();
}, 120_000);
afterAll(async () => {
  await tb?.destroy();
});

describe('pool tables are distributable by tenant_id (Citus)', () => {
  it('finds every tenant table of every registered module in the pool schema, and no other table', () => {
    // Read from the catalog rather than assumed: a module table missing from the pool schema is a failure too.
    expect(tenantTables.length).toBeGreaterThan(5);
    expect([...facts.keys()].sort()).toEqual([...tenantTables].sort());
  });

  it('gives every tenant table a tenant_id column and a primary key that includes it', () => {
    for (const table of tenantTables) {
      const found = facts.get(table)!;
      expect(found.columns, table).toContain('tenant_id');
      const primary = found.uniques.filter((u) => u.kind === 'primary key');
      expect(primary, `${table}: one primary key`).toHaveLength(1);
      expect(primary[0]!.columns, `${table} primary key`).toContain('tenant_id');
    }
  });

  it('includes tenant_id in every unique constraint, unique index and exclusion constraint', () => {
    const offenders = [...facts.values()].flatMap((table) =>
      table.uniques
        .filter((unique) => !unique.columns.includes('tenant_id'))
        .map((unique) => `${table.table}.${unique.name} (${unique.kind}: ${unique.columns.join(', ')})`),
    );
    expect(offenders).toEqual([]);
    expect([...facts.values()].flatMap((t) => t.uniques).length).toBeGreaterThan(tenantTables.length);
  });

  it('leads every b-tree index with tenant_id, so each one serves one tenant (one shard)', () => {
    const offenders = [...facts.values()].flatMap((table) =>
      table.btrees
        .filter((index) => index.columns[0] !== 'tenant_id')
        .map((index) => `${table.table}.${index.name} (${index.columns.join(', ')})`),
    );
    expect(offenders).toEqual([]);
  });

  it('joins every foreign key on tenant_id to another tenant table: none crosses tenants', () => {
    const all = [...facts.values()].flatMap((table) =>
      table.foreignKeys.map((fk) => ({ ...fk, table: table.table })),
    );
    expect(all.length, 'the identity tables reference each other').toBeGreaterThan(0);
    const schema = tb.services.tenancy.endpoints.names.poolSchema;
    for (const fk of all) {
      const label = `${fk.table}.${fk.name} → ${fk.referencedSchema}.${fk.referencedTable}`;
      expect(fk.referencedSchema, label).toBe(schema);
      expect(tenantTables, label).toContain(fk.referencedTable);
      const position = fk.columns.indexOf('tenant_id');
      expect(position, `${label}: includes tenant_id`).toBeGreaterThanOrEqual(0);
      expect(fk.referencedColumns[position], `${label}: tenant_id references tenant_id`).toBe('tenant_id');
    }
  });
});

describe('README "Scaling out"', () => {
  it('distributes every pool table, each after the tables its foreign keys reference', () => {
    const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
    const order = [...readme.matchAll(/create_distributed_table\('pool\.(\w+)'/g)].map((m) => m[1]!);
    expect([...order].sort()).toEqual([...tenantTables].sort());
    for (const table of facts.values())
      for (const fk of table.foreignKeys)
        expect(
          order.indexOf(fk.referencedTable),
          `${table.table} references ${fk.referencedTable}: distribute that first`,
        ).toBeLessThan(order.indexOf(table.table));
    expect(readme).toContain("create_reference_table('pool.tenant_migrations')");
  });
});
