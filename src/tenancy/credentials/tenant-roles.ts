import type pg from 'pg';
import { quoteIdent, quoteLiteral } from '../../db/sql-identifier.js';

/** What a tenant role may never be: the fence is worthless if it can step past row-level security. */
const FENCED = 'nosuperuser nobypassrls nocreatedb nocreaterole noinherit';

/**
 * Creates the tenant's role on the server `admin` is connected to, or brings it back to the
 * wanted attributes: LOGIN with `password` for a `database` tenant, NOLOGIN for a `schema`
 * tenant (whose statements reach it by SET LOCAL ROLE from the application role, made a member
 * here). Idempotent, and serialised per role: two provisioners would collide on pg_authid.
 */
export async function ensureTenantRole(
  admin: pg.ClientBase,
  role: string,
  options: { password?: string; memberOf?: string },
): Promise<void> {
  await admin.query('begin');
  try {
    await admin.query(`select pg_advisory_xact_lock(hashtext('tenantbase:tenant-role:' || $1))`, [role]);
    const login =
      options.password === undefined
        ? 'nologin password null'
        : `login password ${quoteLiteral(options.password)}`;
    const { rows } = await admin.query<{ v: string }>(`select current_setting('server_version_num') as v`);
    // 192 random bits need no key stretching; it would cost every new connection a PBKDF2 run.
    if (Number(rows[0]!.v) >= 160000) await admin.query('set local scram_iterations = 1');
    const found = await admin.query('select 1 from pg_roles where rolname = $1', [role]);
    await admin.query(
      `${found.rowCount === 0 ? 'create' : 'alter'} role ${quoteIdent(role)} ${FENCED} ${login}`,
    );
    if (options.memberOf) await admin.query(`grant ${quoteIdent(role)} to ${quoteIdent(options.memberOf)}`);
    await admin.query('commit');
  } catch (error) {
    await admin.query('rollback').catch(() => undefined);
    throw error;
  }
}

/**
 * Sets a new login password inside the caller's transaction (ALTER ROLE is transactional), under
 * the role's lock; sessions already open keep working, PostgreSQL checks a password at login only.
 */
export async function alterRolePassword(admin: pg.ClientBase, role: string, password: string): Promise<void> {
  await admin.query(`select pg_advisory_xact_lock(hashtext('tenantbase:tenant-role:' || $1))`, [role]);
  const { rows } = await admin.query<{ v: string }>(`select current_setting('server_version_num') as v`);
  if (Number(rows[0]!.v) >= 160000) await admin.query('set local scram_iterations = 1');
  await admin.query(`alter role ${quoteIdent(role)} password ${quoteLiteral(password)}`);
}

/**
 * Removes the tenant's role from the server `admin` is connected to: its privileges in this
 * database and on shared objects (databases) first, which DROP ROLE would otherwise refuse over.
 */
export async function dropTenantRole(admin: pg.ClientBase, role: string): Promise<void> {
  const found = await admin.query('select 1 from pg_roles where rolname = $1', [role]);
  if (found.rowCount === 0) return;
  await admin.query('begin');
  try {
    // DROP OWNED rewrites the database's ACL, as schema tenants' provisioning does: take turns.
    await admin.query(`select pg_advisory_xact_lock(hashtext('tenantbase:platform-database-acl'))`);
    await admin.query(`drop owned by ${quoteIdent(role)}`);
    await admin.query(`drop role if exists ${quoteIdent(role)}`);
    await admin.query('commit');
  } catch (error) {
    await admin.query('rollback').catch(() => undefined);
    throw error;
  }
}
