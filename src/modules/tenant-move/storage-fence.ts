import type pg from 'pg';
import { quoteIdent, quoteLiteral } from '../../db/sql-identifier.js';
import { FENCED_COMMENT, storageLockKey } from '../../tenancy/migrations/run-tenant-migrations.js';
import type { TenantLocation } from '../../tenancy/isolation/isolation-model.js';
import type { Tenancy } from '../../tenancy/tenancy.js';

const FENCE_TRIGGER = 'tenantbase_move_fence';
const DRAIN_TIMEOUT_MS = 30_000;

/**
 * Puts the pool fence's statement trigger on every pool table that lacks it. It refuses nothing
 * until a freeze row names a pool tenant, so a move arms it before the freeze: CREATE TRIGGER
 * waits for every writer of the shared table, which the freeze should not have to wait for.
 */
export async function armPoolFence(client: pg.ClientBase, schema: string, tables: string[]): Promise<void> {
  const { rows } = await client.query<{ table: string }>(
    `select c.relname as table from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = $1 and c.relname = any($2::text[]) and c.relkind in ('r', 'p')
        and not exists (select 1 from pg_trigger t where t.tgrelid = c.oid and t.tgname = $3)`,
    [schema, tables, FENCE_TRIGGER],
  );
  for (const { table } of rows) {
    await client.query(
      `create or replace trigger ${FENCE_TRIGGER} before insert or update or delete on ${quoteIdent(schema)}.${quoteIdent(table)}
         for each statement execute function platform.tenantbase_refuse_frozen_write()`,
    );
  }
}

/**
 * Fences the tenant's old storage in the database, so that no process can write there any more,
 * whether or not it has heard of the freeze: in a schema or database the application role loses
 * INSERT, UPDATE and DELETE on the storage's tables; in the shared pool a statement trigger on
 * every pool table refuses the writes of a tenant with a pool freeze. Then waits until every
 * transaction that may have written before the fence has ended, so the final delta sees it all.
 */
/** The roles that write in a schema or database storage: the application's, and the tenant's own if it exists. */
async function storageRoles(
  client: pg.ClientBase,
  tenancy: Tenancy,
  tenant: TenantLocation,
): Promise<string> {
  const { names } = tenancy.endpoints;
  const own = names.roleFor(tenant.id);
  const found = await client.query('select 1 from pg_roles where rolname = $1', [own]);
  return [names.appRole, ...(found.rowCount ? [own] : [])].map(quoteIdent).join(', ');
}

export async function fenceStorage(tenancy: Tenancy, from: TenantLocation, moveId: string): Promise<void> {
  await tenancy.platformDb
    .insertInto('platform.tenant_write_freezes')
    .values({
      tenant_id: from.id,
      move_id: moveId,
      source_isolation: from.isolation,
      thawed: false,
      created_at: new Date(),
    })
    .onConflict((oc) =>
      oc
        .column('tenant_id')
        .doUpdateSet({ move_id: moveId, source_isolation: from.isolation, thawed: false }),
    )
    .execute();
  await tenancy.freezes.refresh();
  const { client, schema } = await tenancy.ownerStorage(from);
  try {
    if (from.isolation === 'pool') {
      await armPoolFence(client, schema, tenancy.tenantTables);
    } else {
      // From the tenant's own role too: a schema tenant's statements run under it. Under the
      // storage's migration lock, with the schema marked, so a fleet migration that runs now or
      // later grants this storage reads only (run-tenant-migrations.ts).
      const roles = await storageRoles(client, tenancy, from);
      await client.query('begin');
      try {
        await client.query(`select pg_advisory_xact_lock(${storageLockKey(schema)})`);
        await client.query(
          `comment on schema ${quoteIdent(schema)} is ${quoteLiteral(`${FENCED_COMMENT} for move ${moveId}`)}`,
        );
        await client.query(
          `revoke insert, update, delete, truncate on all tables in schema ${quoteIdent(schema)} from ${roles}`,
        );
        await client.query('commit');
      } catch (error) {
        await client.query('rollback').catch(() => undefined);
        throw error;
      }
    }
    // Every transaction of this database that had written before the fence must end first.
    const { rows } = await client.query<{ xids: string[] | null }>(
      `select array_agg(backend_xid::text) as xids from pg_stat_activity
        where datname = current_database() and backend_xid is not null and pid <> pg_backend_pid()`,
    );
    const deadline = Date.now() + DRAIN_TIMEOUT_MS;
    while (rows[0]?.xids?.length) {
      const left = await client.query<{ n: number }>(
        `select count(*)::int as n from pg_stat_activity
          where datname = current_database() and backend_xid::text = any($1::text[])`,
        [rows[0].xids],
      );
      if (left.rows[0]!.n === 0) break;
      if (Date.now() > deadline) throw new Error('writers of the old storage did not finish within 30 s');
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  } finally {
    await client.end();
  }
}

/** Gives the old storage its writes back (a move that did not cut over) and lifts the freeze. */
export async function unfenceStorage(tenancy: Tenancy, from: TenantLocation): Promise<void> {
  const storage =
    from.isolation === 'pool'
      ? undefined
      : await tenancy.ownerStorage(from).catch((error: { code?: string }) => {
          // A storage that is already gone (the tenant was deleted) has nothing to give back.
          if (error.code === '3D000') return undefined;
          throw error;
        });
  if (storage) {
    const { client, schema } = storage;
    try {
      const role = await storageRoles(client, tenancy, from);
      await client.query('begin');
      await client.query(`select pg_advisory_xact_lock(${storageLockKey(schema)})`);
      await client.query(`comment on schema ${quoteIdent(schema)} is null`);
      await client.query(
        `grant select, insert, update, delete on all tables in schema ${quoteIdent(schema)} to ${role}`,
      );
      await client.query(
        `revoke insert, update, delete, truncate on ${quoteIdent(schema)}.tenant_migrations from ${role}`,
      );
      await client.query('commit');
    } catch (error) {
      await client.query('rollback').catch(() => undefined);
      throw error;
    } finally {
      await client.end().catch(() => undefined);
    }
  }
  await liftFreeze(tenancy, from);
}

/** Removes the freeze row once the old storage is gone or writable again. */
export async function liftFreeze(tenancy: Tenancy, from: TenantLocation): Promise<void> {
  await tenancy.platformDb
    .deleteFrom('platform.tenant_write_freezes')
    .where('tenant_id', '=', from.id)
    .execute();
  await tenancy.freezes.refresh();
}
