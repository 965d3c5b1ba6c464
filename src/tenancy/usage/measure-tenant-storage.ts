import pg from 'pg';
import { guardClient } from '../../db/connection-faults.js';
import { quoteIdent } from '../../db/sql-identifier.js';
import type { TenantLocation } from '../isolation/isolation-model.js';
import type { Tenancy } from '../tenancy.js';
import { TENANT_SETTING } from '../tenant-database.js';

/** Tables of the shared pool schema that carry tenant rows (found in the catalogue, so new modules count). */
async function poolTables(admin: pg.PoolClient, schema: string): Promise<string[]> {
  const { rows } = await admin.query<{ relname: string }>(
    `select c.relname from pg_class c
       join pg_namespace n on n.oid = c.relnamespace
       join pg_attribute a on a.attrelid = c.oid and a.attname = 'tenant_id' and not a.attisdropped
     where n.nspname = $1 and c.relkind in ('r', 'p')
     order by c.relname`,
    [schema],
  );
  return rows.map((row) => row.relname);
}

/**
 * Pool: the exact payload of the tenant's rows, `sum(pg_column_size(row))` over every shared
 * table, read through the tenant_id-leading primary keys. Shared indexes and free space are not
 * apportioned, so a pool tenant reads somewhat lower than the same data in a schema.
 */
async function measurePool(tenancy: Tenancy, tenants: TenantLocation[]): Promise<Map<string, number>> {
  const result = new Map<string, number>();
  if (tenants.length === 0) return result;
  const schema = tenancy.endpoints.names.poolSchema;
  const admin = await tenancy.adminPool.connect();
  try {
    const tables = await poolTables(admin, schema);
    const total = tables
      .map(
        (t) =>
          `select coalesce(sum(pg_column_size(r.*)), 0) as b from ${quoteIdent(schema)}.${quoteIdent(t)} r where tenant_id = $1`,
      )
      .join(' union all ');
    for (const { id } of tenants) {
      if (!total) {
        result.set(id, 0);
        continue;
      }
      // Row-level security is forced on the owner too, so the tenant setting opens its rows.
      await admin.query('begin');
      try {
        await admin.query(`select set_config('${TENANT_SETTING}', $1, true)`, [id]);
        const { rows } = await admin.query<{ bytes: string }>(
          `select coalesce(sum(b), 0)::bigint as bytes from (${total}) sizes`,
          [id],
        );
        result.set(id, Number(rows[0]!.bytes));
      } finally {
        await admin.query('commit');
      }
    }
  } finally {
    admin.release();
  }
  return result;
}

/** Schema: `pg_total_relation_size` (heap, TOAST, indexes) of every table in each tenant schema, in one query. */
async function measureSchemas(tenancy: Tenancy, tenants: TenantLocation[]): Promise<Map<string, number>> {
  const result = new Map<string, number>();
  if (tenants.length === 0) return result;
  const bySchema = new Map(tenants.map((t) => [tenancy.endpoints.names.schemaFor(t.id), t.id]));
  const { rows } = await tenancy.adminPool.query<{ nspname: string; bytes: string }>(
    `select n.nspname, coalesce(sum(pg_total_relation_size(c.oid)), 0)::bigint as bytes
       from pg_namespace n left join pg_class c on c.relnamespace = n.oid and c.relkind in ('r', 'p', 'm')
     where n.nspname = any($1::text[]) group by n.nspname`,
    [[...bySchema.keys()]],
  );
  for (const row of rows) result.set(bySchema.get(row.nspname)!, Number(row.bytes));
  return result;
}

/**
 * Database: `pg_database_size`, everything the database holds, including the few megabytes of
 * system catalogue an empty database already has. One query per placement server.
 */
async function measureDatabases(tenancy: Tenancy, tenants: TenantLocation[]): Promise<Map<string, number>> {
  const result = new Map<string, number>();
  const byPlacement = new Map<string, TenantLocation[]>();
  for (const t of tenants) byPlacement.set(t.placement, [...(byPlacement.get(t.placement) ?? []), t]);
  for (const [placement, group] of byPlacement) {
    const byDatabase = new Map(group.map((t) => [tenancy.endpoints.names.databaseFor(t.id), t.id]));
    const query = `select datname, pg_database_size(datname)::bigint as bytes from pg_database where datname = any($1::text[])`;
    const params = [[...byDatabase.keys()]];
    let rows: Array<{ datname: string; bytes: string }>;
    if (placement === 'default') {
      rows = (await tenancy.adminPool.query(query, params)).rows;
    } else {
      const url = tenancy.endpoints.servers.get(placement);
      if (!url) throw new Error(`unknown placement server "${placement}"`);
      const client = guardClient(new pg.Client({ connectionString: url }));
      await client.connect();
      try {
        rows = (await client.query(query, params)).rows;
      } finally {
        await client.end();
      }
    }
    for (const row of rows) result.set(byDatabase.get(row.datname)!, Number(row.bytes));
  }
  return result;
}

/**
 * Bytes each tenant's data takes where its isolation model keeps it (see the three measures
 * above; the README documents them). A tenant whose storage does not exist is left out.
 */
export async function measureTenantStorage(
  tenancy: Tenancy,
  tenants: readonly TenantLocation[],
): Promise<Map<string, number>> {
  const of = (isolation: TenantLocation['isolation']) => tenants.filter((t) => t.isolation === isolation);
  const [pool, schema, database] = await Promise.all([
    measurePool(tenancy, of('pool')),
    measureSchemas(tenancy, of('schema')),
    measureDatabases(tenancy, of('database')),
  ]);
  return new Map([...pool, ...schema, ...database]);
}
