import type pg from 'pg';
import { quoteIdent, quoteLiteral } from '../../db/sql-identifier.js';
import type { TableLayout } from '../tenant-archive/table-layout.js';
import type { MoveStorage } from './storage-sync.js';

/**
 * The schema, in the source storage's database, holding the keys of rows the moving tenant wrote
 * since its copy began: the final delta under the write freeze copies and re-verifies only these,
 * instead of re-hashing every row while writes wait.
 */
const LOG_SCHEMA = 'tenantbase_move';

/** Key columns of one logged row, as JSON: `jsonb_populate_recordset` turns them back into values. */
export type LoggedKey = Record<string, unknown>;

/** Logged keys by table, each key once. */
export type ChangedKeys = Map<string, LoggedKey[]>;

/**
 * Runs one trigger DDL on a shared table with a short lock_timeout, retrying: waiting in the lock
 * queue behind a long reader would make every later statement on the table (every pool tenant's)
 * queue behind the DDL.
 */
async function withShortLock(client: pg.ClientBase, ddl: string): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    await client.query('begin');
    try {
      await client.query(`set local lock_timeout = '1s'`);
      await client.query(ddl);
      await client.query('commit');
      return;
    } catch (error) {
      await client.query('rollback');
      if ((error as { code?: string }).code !== '55P03' || attempt >= 20) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100 * attempt));
    }
  }
}

const triggerName = (moveId: string) => quoteIdent(`tenantbase_move_log_${moveId.replace(/-/g, '')}`);

// SECURITY DEFINER: the application role writes the tenant's rows but has no right on the log.
// Arguments: move id, tenant id, then the key columns (without tenant_id). An update that changes
// the key logs both the old and the new key, so the old one is deleted from the copy.
const CREATE_LOG = `
  create schema if not exists ${LOG_SCHEMA};
  revoke all on schema ${LOG_SCHEMA} from public;
  create table if not exists ${LOG_SCHEMA}.changes (
    id bigint generated always as identity primary key,
    move_id uuid not null,
    table_name text not null,
    key jsonb not null
  );
  create index if not exists changes_move_idx on ${LOG_SCHEMA}.changes (move_id, table_name);
  create or replace function ${LOG_SCHEMA}.log_change() returns trigger
    language plpgsql security definer set search_path = pg_catalog as $fn$
  declare
    row_json jsonb;
    old_key jsonb;
    new_key jsonb;
  begin
    if TG_OP <> 'INSERT' and OLD.tenant_id = TG_ARGV[1] then
      row_json := to_jsonb(OLD);
      old_key := '{}';
      for i in 2 .. TG_NARGS - 1 loop
        old_key := old_key || jsonb_build_object(TG_ARGV[i], row_json -> TG_ARGV[i]);
      end loop;
      insert into ${LOG_SCHEMA}.changes (move_id, table_name, key) values (TG_ARGV[0]::uuid, TG_TABLE_NAME, old_key);
    end if;
    if TG_OP <> 'DELETE' and NEW.tenant_id = TG_ARGV[1] then
      row_json := to_jsonb(NEW);
      new_key := '{}';
      for i in 2 .. TG_NARGS - 1 loop
        new_key := new_key || jsonb_build_object(TG_ARGV[i], row_json -> TG_ARGV[i]);
      end loop;
      if new_key is distinct from old_key then
        insert into ${LOG_SCHEMA}.changes (move_id, table_name, key) values (TG_ARGV[0]::uuid, TG_TABLE_NAME, new_key);
      end if;
    end if;
    return null;
  end $fn$;`;

/**
 * Starts logging the tenant's writes to its source tables, before the first copy pass reads them:
 * CREATE TRIGGER waits for the writers of each table, so every write either is seen by that pass
 * or fires the trigger. Idempotent, so a resumed move installs it again harmlessly.
 */
export async function startChangeLog(
  source: MoveStorage,
  layouts: TableLayout[],
  tables: string[],
  moveId: string,
  tenantId: string,
): Promise<void> {
  // Two moves starting at once in one database both create the log: the loser retries.
  await source.client.query(CREATE_LOG).catch(async (error: { code?: string }) => {
    if (!['23505', '42P07', '42P06'].includes(error.code ?? '')) throw error;
    await source.client.query(CREATE_LOG);
  });
  for (const [i, layout] of layouts.entries()) {
    const args = [moveId, tenantId, ...layout.key.map((k) => k.name)].map(quoteLiteral).join(', ');
    await withShortLock(
      source.client,
      `create or replace trigger ${triggerName(moveId)} after insert or update or delete
         on ${quoteIdent(source.schema)}.${quoteIdent(tables[i]!)}
         for each row execute function ${LOG_SCHEMA}.log_change(${args})`,
    );
  }
}

/**
 * Takes (deletes and returns) the keys logged so far that this connection can see. A write not
 * committed yet stays in the log for a later take: an id watermark would skip it.
 */
export async function takeChanges(source: pg.ClientBase, moveId: string): Promise<ChangedKeys> {
  const exists = await source.query(`select to_regclass('${LOG_SCHEMA}.changes') is not null as ok`);
  const byTable: ChangedKeys = new Map();
  if (!exists.rows[0].ok) return byTable;
  const { rows } = await source.query<{ table_name: string; key: LoggedKey }>(
    `with taken as (delete from ${LOG_SCHEMA}.changes where move_id = $1 returning table_name, key)
     select distinct table_name, key from taken`,
    [moveId],
  );
  for (const row of rows) {
    const keys = byTable.get(row.table_name) ?? [];
    keys.push(row.key);
    byTable.set(row.table_name, keys);
  }
  return byTable;
}

/** Stops logging and forgets the move's keys: after the cutover, or when the move is abandoned. */
export async function stopChangeLog(source: MoveStorage, tables: string[], moveId: string): Promise<void> {
  const { rows } = await source.client.query<{ table: string }>(
    `select c.relname as table from pg_trigger t join pg_class c on c.oid = t.tgrelid
       join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = $1 and t.tgname = $2`,
    [source.schema, `tenantbase_move_log_${moveId.replace(/-/g, '')}`],
  );
  for (const { table } of rows) {
    if (!tables.includes(table)) continue;
    await withShortLock(
      source.client,
      `drop trigger if exists ${triggerName(moveId)} on ${quoteIdent(source.schema)}.${quoteIdent(table)}`,
    );
  }
  const exists = await source.client.query(`select to_regclass('${LOG_SCHEMA}.changes') is not null as ok`);
  if (exists.rows[0].ok) {
    await source.client.query(`delete from ${LOG_SCHEMA}.changes where move_id = $1`, [moveId]);
  }
}
