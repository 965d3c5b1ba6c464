import type pg from 'pg';
import type { CatalogueTarget } from './check-storage-catalogue.js';
import { type IsolationCheck, verdict } from './isolation-check.js';

/**
 * Unique indexes (primary keys included) and foreign keys of tenant tables that leave tenant_id
 * out, in the given schemas. A key without tenant_id lets one tenant's value collide with
 * another's (or reveal that it exists); a foreign key without it may point at another tenant's row.
 */
const LOOSE_KEYS = `
  with tenant_tables as (
    select c.oid, n.nspname as schema, c.relname as table,
           (select a.attnum from pg_attribute a where a.attrelid = c.oid and a.attname = 'tenant_id'
             and not a.attisdropped) as tenant_col
      from pg_class c join pg_namespace n on n.oid = c.relnamespace
     where n.nspname = any($1::text[]) and c.relkind in ('r', 'p'))
  select t.schema, t.table, i.indexrelid::regclass::text as key, 'unique key' as kind
    from tenant_tables t join pg_index i on i.indrelid = t.oid
   where t.tenant_col is not null and i.indisunique and not (t.tenant_col = any(i.indkey::int2[]))
  union all
  select t.schema, t.table, con.conname::text, 'foreign key'
    from tenant_tables t join pg_constraint con on con.conrelid = t.oid and con.contype = 'f'
   where t.tenant_col is not null
     and (not (t.tenant_col = any(con.conkey))
          or not exists (select 1 from pg_attribute ra where ra.attrelid = con.confrelid
                           and ra.attname = 'tenant_id' and ra.attnum = any(con.confkey)))
  order by 1, 2, 3`;

/** `<label>:tenant-keys` for each target, from one catalogue query. */
export async function checkTenantKeys(
  app: pg.ClientBase,
  targets: CatalogueTarget[],
): Promise<IsolationCheck[]> {
  const { rows } = await app.query<{ schema: string; table: string; key: string; kind: string }>(LOOSE_KEYS, [
    targets.map((target) => target.schema),
  ]);
  return targets.map(({ label, schema }) =>
    verdict(
      `${label}:tenant-keys`,
      rows
        .filter((row) => row.schema === schema)
        .map((row) => `${row.table}: ${row.kind} ${row.key} leaves tenant_id out`),
      'every unique and foreign key of a tenant table includes tenant_id',
      'as the owner, re-create the key with tenant_id as its first column (a foreign key on both sides), in a new tenant migration',
    ),
  );
}
