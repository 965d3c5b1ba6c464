import type pg from 'pg';
import { quoteIdent } from '../../db/sql-identifier.js';
import { TENANT_SETTING } from '../tenant-database.js';
import { type IsolationCheck, verdict } from './isolation-check.js';

/** The policy expression tenantRowSecurity creates, as PostgreSQL prints it back. */
export const TENANT_POLICY_EXPRESSION = `(tenant_id = current_setting('${TENANT_SETTING}'::text, true))`;

/** The same fence with the setting read once per statement (tenantRowSecurity's `per-statement`), as printed back. */
export const TENANT_POLICY_EXPRESSION_PER_STATEMENT = `(tenant_id = ( SELECT current_setting('${TENANT_SETTING}'::text, true) AS current_setting))`;

/** Every policy expression that fences a tenant table by tenant_id. */
export const TENANT_POLICY_EXPRESSIONS = [TENANT_POLICY_EXPRESSION, TENANT_POLICY_EXPRESSION_PER_STATEMENT];

/** The one table of a tenant storage without tenant_id: read-only to the application role. */
const BOOKKEEPING = 'tenant_migrations';

interface TableRow {
  schema: string;
  table: string;
  tenant_keyed: boolean;
  rls: boolean;
  forced: boolean;
  app_owns: boolean;
  app_writes: boolean;
  app_reads: boolean;
  policies: Array<{
    name: string;
    permissive: boolean;
    cmd: string;
    qual: string | null;
    check: string | null;
  }>;
}

/**
 * The tables of the given schemas with their fences. A policy expression is deparsed
 * (pg_get_expr) once per distinct stored tree and tenant_id column number (a digest of both),
 * not once per table:
 * deparsing opens the table, and a thousand tenant schemas would load every tenant table's
 * catalogue entry to print the same expression. Sharing is sound only for the expected
 * expression (then the one column it names is each table's own tenant_id); any other is
 * deparsed for its own table. $2 lists the expected expressions.
 */
const TABLES = `
  with tables as (
    select c.oid, n.nspname as schema, c.relname as table, c.relrowsecurity as rls,
           c.relforcerowsecurity as forced, c.relowner,
           (select a.attnum from pg_attribute a where a.attrelid = c.oid and a.attname = 'tenant_id'
              and not a.attisdropped) as tenant_col
      from pg_class c join pg_namespace n on n.oid = c.relnamespace
     where n.nspname = any($1::text[]) and c.relkind in ('r', 'p')),
  expressions as (
    select p.oid as policy, p.polrelid as relid, e.kind,
           sha256(convert_to(e.expr::text || ' @' || coalesce(t.tenant_col, 0), 'UTF8')) as form
      from tables t join pg_policy p on p.polrelid = t.oid
     cross join lateral (values ('qual', p.polqual), ('check', p.polwithcheck)) as e(kind, expr)
     where e.expr is not null),
  forms as (
    select f.form, pg_get_expr(case f.kind when 'qual' then p.polqual else p.polwithcheck end, p.polrelid) as text
      from (select distinct on (form) form, policy, kind from expressions order by form) f
      join pg_policy p on p.oid = f.policy),
  texts as (
    select x.policy, x.kind,
           case when f.text = any($2::text[]) then f.text
                else pg_get_expr(case x.kind when 'qual' then p.polqual else p.polwithcheck end, p.polrelid) end as text
      from expressions x join forms f using (form) join pg_policy p on p.oid = x.policy),
  policies as (
    select p.polrelid, json_agg(json_build_object(
             'name', p.polname, 'permissive', p.polpermissive, 'cmd', p.polcmd,
             'qual', q.text, 'check', w.text) order by p.polname) as policies
      from tables t join pg_policy p on p.polrelid = t.oid
      left join texts q on q.policy = p.oid and q.kind = 'qual'
      left join texts w on w.policy = p.oid and w.kind = 'check'
     group by p.polrelid)
  select t.schema, t.table, t.tenant_col is not null as tenant_keyed, t.rls, t.forced,
         pg_has_role(current_user, t.relowner, 'member') as app_owns,
         has_table_privilege(current_user, t.oid, 'insert, update, delete, truncate') as app_writes,
         has_table_privilege(current_user, t.oid, 'select') as app_reads,
         coalesce(p.policies, '[]') as policies
    from tables t left join policies p on p.polrelid = t.oid
   order by t.schema, t.table`;

const SCHEMA_RIGHTS = `
  select n.nspname as schema, has_schema_privilege(current_user, n.oid, 'create') as creates,
         pg_has_role(current_user, n.nspowner, 'member') as owns,
         array(select a.privilege_type from aclexplode(coalesce(n.nspacl, acldefault('n', n.nspowner))) a
                where a.grantee = 0) as public
    from pg_namespace n where n.nspname = any($1::text[])`;

/** One storage to check: its result label (`pool`, `schema:acme`) and the schema holding its tables. */
export interface CatalogueTarget {
  label: string;
  schema: string;
}

/** What is wrong with one tenant table's policies; an empty list when they fence by tenant_id. */
function policyFaults(row: TableRow): string[] {
  const permissive = row.policies.filter((policy) => policy.permissive);
  if (permissive.length === 0) return [`${row.table}: no permissive policy (every row refused)`];
  return permissive.flatMap((policy) => {
    // Without WITH CHECK a policy checks new rows with its USING expression.
    const check = policy.check ?? policy.qual;
    const faults: string[] = [];
    if (policy.qual !== null && !TENANT_POLICY_EXPRESSIONS.includes(policy.qual))
      faults.push(`${row.table}.${policy.name} reads where ${policy.qual}`);
    if (
      check !== null &&
      !TENANT_POLICY_EXPRESSIONS.includes(check) &&
      policy.cmd !== 'r' &&
      policy.cmd !== 'd'
    )
      faults.push(`${row.table}.${policy.name} writes where ${check}`);
    return faults;
  });
}

/**
 * Catalogue checks of tenant storages (schemas of the connected database), run on an
 * application-role connection, two catalogue queries for all of them: every tenant table has
 * forced row-level security and only the tenant_id policy, none is owned by the application role,
 * the bookkeeping is read-only to it, and it cannot create objects in the schema.
 */
export async function checkStorageCatalogues(
  app: pg.ClientBase,
  targets: CatalogueTarget[],
  role: string,
): Promise<IsolationCheck[]> {
  return (await inspectStorageCatalogues(app, targets, role)).checks;
}

/**
 * `checkStorageCatalogues`, with the tenant tables (those with a tenant_id) of each schema it read
 * on the way, for the live probe.
 */
export async function inspectStorageCatalogues(
  app: pg.ClientBase,
  targets: CatalogueTarget[],
  role: string,
): Promise<{ checks: IsolationCheck[]; tenantTables: Map<string, string[]> }> {
  const schemas = targets.map((target) => target.schema);
  const tables = await app.query<TableRow>(TABLES, [schemas, TENANT_POLICY_EXPRESSIONS]);
  const rights = await app.query<{ schema: string; creates: boolean; owns: boolean; public: string[] }>(
    SCHEMA_RIGHTS,
    [schemas],
  );
  const bySchema = new Map<string, TableRow[]>();
  for (const row of tables.rows) bySchema.set(row.schema, [...(bySchema.get(row.schema) ?? []), row]);
  const rightsOf = new Map(rights.rows.map((row) => [row.schema, row]));
  const checks = targets.flatMap((target) =>
    storageVerdicts(target, bySchema.get(target.schema) ?? [], rightsOf.get(target.schema), role),
  );
  const tenantTables = new Map(
    schemas.map((schema) => [
      schema,
      (bySchema.get(schema) ?? []).filter((row) => row.tenant_keyed).map((row) => row.table),
    ]),
  );
  return { checks, tenantTables };
}

/** Catalogue checks of one tenant storage; see `checkStorageCatalogues`. */
export function checkStorageCatalogue(app: pg.ClientBase, label: string, schema: string, role: string) {
  return checkStorageCatalogues(app, [{ label, schema }], role);
}

function storageVerdicts(
  { label, schema }: CatalogueTarget,
  rows: TableRow[],
  rights: { creates: boolean; owns: boolean; public: string[] } | undefined,
  role: string,
): IsolationCheck[] {
  const tenantTables = rows.filter((row) => row.tenant_keyed);
  const others = rows.filter((row) => !row.tenant_keyed);
  const unfenced = tenantTables.flatMap((row) => [
    ...(row.rls ? [] : [`${row.table}: row-level security off`]),
    ...(row.forced ? [] : [`${row.table}: row-level security not forced`]),
  ]);
  const owned = rows
    .filter((row) => row.app_owns)
    .map((row) => `${row.table} is owned by the application role`);
  const loose = others.flatMap((row) => {
    if (row.table === BOOKKEEPING) return row.app_writes ? [`${row.table} is writable`] : [];
    return row.app_reads || row.app_writes
      ? [`${row.table} has no tenant_id and the application reaches it`]
      : [];
  });
  // A tenant database's own "public" schema is open to PUBLIC by default; the database is its wall.
  const publicGrants = (rights?.public ?? []).filter(
    (privilege) => privilege === 'CREATE' || schema !== 'public',
  );
  const schemaFaults = [
    ...(rights?.creates ? [`the application role may create objects in ${schema}`] : []),
    ...(rights?.owns ? [`the application role owns ${schema}`] : []),
    ...publicGrants.map((privilege) => `PUBLIC has ${privilege} on ${schema}`),
  ];
  const count = `${tenantTables.length} tenant tables`;
  const s = quoteIdent(schema);
  const r = quoteIdent(role);
  return [
    verdict(
      `${label}:row-security`,
      tenantTables.length ? unfenced : [`no tenant table in ${schema}`],
      `${count}: enabled and forced`,
      tenantTables.length
        ? `as the owner, ALTER TABLE ${s}.<table> ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY`
        : `run \`tenantbase migrate\` (the storage has no tables)`,
    ),
    verdict(
      `${label}:policies`,
      tenantTables.flatMap(policyFaults),
      `${count}: only tenant_id = the scope's tenant`,
      `as the owner, DROP the extra policy and re-create tenant_isolation on ${s}.<table> USING ${TENANT_POLICY_EXPRESSION}`,
    ),
    verdict(
      `${label}:ownership`,
      [...owned, ...schemaFaults],
      'the application role owns nothing and creates nothing',
      `as the owner, ALTER TABLE ${s}.<table> OWNER TO the migration owner; REVOKE CREATE ON SCHEMA ${s} FROM ${r}, PUBLIC; REVOKE ALL ON SCHEMA ${s} FROM PUBLIC`,
    ),
    verdict(
      `${label}:untenanted-tables`,
      loose,
      `${others.length} tables without tenant_id, none writable`,
      `as the owner, REVOKE ALL ON ${s}.<table> FROM ${r} (grant SELECT only on ${BOOKKEEPING})`,
    ),
  ];
}
