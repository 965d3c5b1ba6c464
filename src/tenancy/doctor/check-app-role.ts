import type pg from 'pg';
import { type IsolationCheck, verdict } from './isolation-check.js';

/** Platform columns the application role must not read: private keys, password hashes, its own password. */
const SECRET_COLUMNS: Array<[table: string, column: string]> = [
  ['signing_keys', 'private_jwk'],
  ['platform_admins', 'password_hash'],
  ['signups', 'password_hash'],
  ['secrets', 'value'],
];

/**
 * The role-level fences, run on an application-role connection (the catalogue is readable by
 * every role): no attribute that skips row-level security or makes roles, no membership that
 * borrows a superuser's or a table owner's rights, no read of the platform's secrets.
 */
export async function checkAppRole(app: pg.ClientBase): Promise<IsolationCheck[]> {
  const { rows } = await app.query<{
    rolname: string;
    rolsuper: boolean;
    rolbypassrls: boolean;
    rolcreaterole: boolean;
    rolcreatedb: boolean;
    inherits: string[];
  }>(
    `select r.rolname, r.rolsuper, r.rolbypassrls, r.rolcreaterole, r.rolcreatedb,
            array(select o.rolname::text from pg_roles o
                   where o.oid <> r.oid and pg_has_role(r.oid, o.oid, 'member')
                     and (o.rolsuper or o.rolbypassrls)) as inherits
       from pg_roles r where r.rolname = current_user`,
  );
  const role = rows[0]!;
  const attributes = (['rolsuper', 'rolbypassrls', 'rolcreaterole', 'rolcreatedb'] as const)
    .filter((attribute) => role[attribute])
    .map((attribute) => `${role.rolname} has ${attribute.slice(3)}`);
  const borrowed = role.inherits.map(
    (other) => `${role.rolname} can become ${other} (superuser or bypassrls)`,
  );

  const readable: string[] = [];
  for (const [table, column] of SECRET_COLUMNS) {
    const found = await app.query<{ readable: boolean | null }>(
      `select case when to_regclass($1) is null then null
                   else has_column_privilege(current_user, to_regclass($1), $2, 'select') end as readable`,
      [`platform.${table}`, column],
    );
    if (found.rows[0]!.readable) readable.push(`platform.${table}.${column} is readable`);
  }
  const rewritable = await app.query<{ rewritable: boolean | null }>(
    `select case when to_regclass('platform.platform_audit') is null then null
                 else has_table_privilege(current_user, 'platform.platform_audit', 'update, delete, truncate')
            end as rewritable`,
  );
  return [
    verdict(
      'app-role:attributes',
      [...attributes, ...borrowed],
      `${role.rolname}: no superuser, bypassrls, createrole or createdb`,
    ),
    verdict('platform:secret-columns', readable, 'private keys, password hashes and secrets are owner-only'),
    verdict(
      'platform:audit-append-only',
      rewritable.rows[0]!.rewritable ? ['platform.platform_audit can be updated or deleted'] : [],
      'the platform audit is append-only for the application role',
    ),
  ];
}
