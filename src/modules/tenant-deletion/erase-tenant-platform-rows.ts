import { type Kysely, sql } from 'kysely';
import type { PlatformDatabase } from '../../db/platform-database.js';
import { quoteIdent } from '../../db/sql-identifier.js';
import type { TenantLocation } from '../../tenancy/isolation/isolation-model.js';
import { storageKey } from '../../tenancy/migrations/storage-key.js';

/**
 * Removes what the platform database holds for a deleted tenant, except its registry row (kept as
 * a tombstone) and its platform audit (kept as the record of what happened). A table whose
 * tenant_id references platform.tenants ON DELETE CASCADE declared that its rows die with the
 * tenant (host names, refresh tokens, mail, usage, exports...); they are found in the catalog, so
 * a table added later is covered without editing this. Job payloads go too; queued jobs fail.
 */
export async function eraseTenantPlatformRows(
  db: Kysely<PlatformDatabase>,
  tenant: TenantLocation,
  runningJobId: string,
): Promise<void> {
  const { rows: owned } = await sql<{ schema: string; table: string; column: string }>`
    select n.nspname as schema, c.relname as table, a.attname as column
      from pg_constraint k
      join pg_class c on c.oid = k.conrelid
      join pg_namespace n on n.oid = c.relnamespace
      join pg_attribute a on a.attrelid = k.conrelid and a.attnum = k.conkey[1]
     where k.contype = 'f' and k.confrelid = 'platform.tenants'::regclass
       and k.confdeltype = 'c' and cardinality(k.conkey) = 1
     order by 1, 2`.execute(db);
  for (const { schema, table, column } of owned) {
    const qualified = sql.raw(`${quoteIdent(schema)}.${quoteIdent(table)}`);
    await sql`delete from ${qualified} where ${sql.raw(quoteIdent(column))} = ${tenant.id}`.execute(db);
  }
  if (tenant.isolation !== 'pool') {
    await db.deleteFrom('platform.storage_migrations').where('storage', '=', storageKey(tenant)).execute();
  }
  await sql`update platform.jobs
       set payload = '{}',
           status = case when status = 'queued' then 'failed' else status end,
           last_error = case when status = 'queued' then 'the tenant was deleted' else last_error end,
           updated_at = now()
     where tenant_id = ${tenant.id} and id <> ${runningJobId}`.execute(db);
}
