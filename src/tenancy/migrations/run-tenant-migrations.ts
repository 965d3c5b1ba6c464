import type pg from 'pg';
import { quoteIdent, quoteLiteral } from '../../db/sql-identifier.js';
import type { ModuleMigrations } from './tenant-migration.js';

/** What one run did to one storage. */
export interface MigrationOutcome {
  applied: string[];
}

/**
 * What the application role (and the tenant's own role) may do in a storage, as one statement
 * that grants only what is missing: `GRANT ... ON ALL TABLES IN SCHEMA` reads the whole of
 * pg_class (it has no index on the schema alone) and rewrites every table's ACL, which made a
 * fleet migration quadratic in the number of tenant schemas. The schema's relations are found
 * through pg_depend (indexed on the referenced schema), each role's own grants in the ACL itself.
 * The bookkeeping has no tenant_id (row-level security could not fence it) and is the same for
 * every tenant: the application may read it (exports record it) but never forge or erase it.
 */
function grantStorageAccess(schemaName: string, roles: string[]): string {
  const roleList = `array[${roles.map((role) => quoteLiteral(role)).join(', ')}]::text[]`;
  return `do $grants$
declare
  item record;
  fenced boolean := coalesce(obj_description(${quoteLiteral(schemaName)}::regnamespace, 'pg_namespace'), '')
                    like ${quoteLiteral(`${FENCED_COMMENT}%`)};
begin
  if exists (select 1 from unnest(${roleList}) as wanted(name)
              where not exists (select 1 from pg_roles r where r.rolname = wanted.name)) then
    raise exception 'cannot grant access to schema %: a role named for it does not exist', ${quoteLiteral(schemaName)}
      using errcode = 'undefined_object';
  end if;
  for item in
    select r.rolname as role, r.oid as grantee,
           exists (select 1 from aclexplode(coalesce(n.nspacl, acldefault('n', n.nspowner))) a
                    where a.grantee = r.oid and a.privilege_type = 'USAGE') as has_usage
      from pg_roles r, pg_namespace n
     where r.rolname = any(${roleList}) and n.nspname = ${quoteLiteral(schemaName)}
  loop
    if not item.has_usage then
      execute format('grant usage on schema %I to %I', ${quoteLiteral(schemaName)}, item.role);
    end if;
  end loop;
  for item in
    select r.rolname as role, c.oid::regclass as rel, c.relkind = 'S' as is_sequence,
           c.relname = 'tenant_migrations' as is_bookkeeping,
           array(select a.privilege_type::text from aclexplode(c.relacl) a where a.grantee = r.oid) as held
      from pg_depend d
      join pg_class c on c.oid = d.objid
      cross join pg_roles r
     where d.classid = 'pg_class'::regclass and d.refclassid = 'pg_namespace'::regclass
       and d.refobjid = ${quoteLiteral(schemaName)}::regnamespace and d.deptype = 'n'
       and c.relkind in ('r', 'p', 'v', 'm', 'f', 'S') and r.rolname = any(${roleList})
  loop
    if item.is_sequence then
      if not item.held @> array['USAGE', 'SELECT'] then
        execute format('grant usage, select on sequence %s to %I', item.rel, item.role);
      end if;
    elsif item.is_bookkeeping then
      if not item.held @> array['SELECT'] then
        execute format('grant select on %s to %I', item.rel, item.role);
      end if;
      if item.held && array['INSERT', 'UPDATE', 'DELETE', 'TRUNCATE'] then
        execute format('revoke insert, update, delete, truncate on %s from %I', item.rel, item.role);
      end if;
    elsif fenced then
      if not item.held @> array['SELECT'] then
        execute format('grant select on %s to %I', item.rel, item.role);
      end if;
    elsif not item.held @> array['SELECT', 'INSERT', 'UPDATE', 'DELETE'] then
      execute format('grant select, insert, update, delete on %s to %I', item.rel, item.role);
    end if;
  end loop;
end
$grants$`;
}

/**
 * How a move marks a storage whose writes it has fenced (the schema's comment): a migration run
 * meanwhile grants reads only, or it would hand the old storage its writes back mid-move.
 */
export const FENCED_COMMENT = 'tenantbase: writes fenced';

/** The advisory lock a migration run holds on a storage; a move's fence takes it to set the mark. */
export const storageLockKey = (schemaName: string) =>
  `hashtext(${quoteLiteral(`tenantbase:migrate:${schemaName}`)})`;
const lockKey = storageLockKey;

/** Runs several statements as one simple-query message: one round trip, one result each. */
async function batch(admin: pg.ClientBase, statements: string[]): Promise<pg.QueryResult[]> {
  const answer = (await admin.query(statements.join(';\n'))) as unknown as pg.QueryResult | pg.QueryResult[];
  return Array.isArray(answer) ? answer : [answer];
}

/**
 * Brings one tenant storage (a schema in some database) to the latest tenant migrations, as the
 * owner. Safe to run twice at once: an advisory lock per storage serialises concurrent runners.
 * Each migration commits with its bookkeeping row, so a failure leaves a state a re-run completes.
 * Two round trips when migrations are pending (one when none is): the lock, the schema and its
 * bookkeeping, then every pending migration, the grants and the unlock in one message.
 */
export async function runTenantMigrations(
  admin: pg.ClientBase,
  schemaName: string,
  modules: ModuleMigrations[],
  /** The application role, then the tenant's own role when it has one. */
  roles: readonly string[],
): Promise<MigrationOutcome> {
  const schema = quoteIdent(schemaName);
  for (const role of roles) quoteIdent(role);
  let locked = true;
  // The lock in a transaction of its own: one begun before waiting for it would read the
  // catalogue as it was then, and not see the schema another runner created meanwhile.
  const found = await batch(admin, [
    'begin',
    `select pg_advisory_lock(${lockKey(schemaName)})`,
    'commit',
    'begin',
    `create schema if not exists ${schema}`,
    `create table if not exists ${schema}.tenant_migrations (id text primary key, applied_at timestamptz not null default now())`,
    `select id from ${schema}.tenant_migrations`,
    'commit',
  ]).catch(async (error: unknown) => {
    await admin.query('rollback').catch(() => undefined);
    // The lock is the message's first statement: taken unless the connection itself failed.
    await admin.query(`select pg_advisory_unlock(${lockKey(schemaName)})`).catch(() => undefined);
    locked = false;
    throw error;
  });
  try {
    const done = new Set(found.at(-2)!.rows.map((row: { id: string }) => row.id));
    const pending = modules.flatMap(({ module, migrations }) =>
      migrations
        .map((migration) => ({ id: `${module}:${migration.id}`, up: migration.up }))
        .filter((migration) => !done.has(migration.id)),
    );
    try {
      await batch(admin, [
        ...pending.flatMap((migration) => [
          'begin',
          migration.up(schema),
          `insert into ${schema}.tenant_migrations (id) values (${quoteLiteral(migration.id)})`,
          'commit',
        ]),
        'begin',
        grantStorageAccess(schemaName, [...roles]),
        'commit',
        `select pg_advisory_unlock(${lockKey(schemaName)})`,
      ]);
      locked = false;
    } catch (error) {
      // The rest of the message was skipped: the failing migration is the first not recorded.
      await admin.query('rollback');
      const { rows } = await admin.query<{ id: string }>(`select id from ${schema}.tenant_migrations`);
      const applied = new Set(rows.map((row) => row.id));
      const failed = pending.find((migration) => !applied.has(migration.id));
      if (!failed) throw error;
      throw new Error(`tenant migration ${failed.id} failed in ${schemaName}: ${(error as Error).message}`, {
        cause: error,
      });
    }
    return { applied: pending.map((migration) => migration.id) };
  } finally {
    if (locked) await admin.query(`select pg_advisory_unlock(${lockKey(schemaName)})`);
  }
}
