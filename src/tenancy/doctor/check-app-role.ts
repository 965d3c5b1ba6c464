import type pg from 'pg';
import { quoteIdent } from '../../db/sql-identifier.js';
import { type IsolationCheck, verdict } from './isolation-check.js';

const quoted = (name: string) => quoteIdent(name);

/**
 * The platform database itself: the application role owns neither the database nor any schema or
 * table in it, and may create objects in no schema (`platform`, `public`, `pool`, a tenant's).
 * A role that may create could plant a function or table a privileged session later trusts.
 */
async function checkSharedSchemas(app: pg.ClientBase, role: string): Promise<IsolationCheck[]> {
  const { rows } = await app.query<{ creates: string[]; owns: string[]; owns_database: boolean }>(
    `select array(select n.nspname::text from pg_namespace n
                   where n.nspname not like 'pg\\_%' and n.nspname <> 'information_schema'
                     and has_schema_privilege(current_user, n.oid, 'create') order by 1) as creates,
            array(select n.nspname || '.' || c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
                   where n.nspname = 'platform' and c.relkind in ('r', 'p', 'v', 'm', 'S')
                     and pg_has_role(current_user, c.relowner, 'member') order by 1) as owns,
            pg_has_role(current_user, (select datdba from pg_database where datname = current_database()), 'member')
              as owns_database`,
  );
  const found = rows[0]!;
  const name = quoted(role);
  return [
    verdict(
      'app-role:shared-schemas',
      found.creates.map((schema) => `${role} may create objects in schema ${schema}`),
      'the application role creates nothing in any schema of the platform database',
      `as the owner, REVOKE CREATE ON SCHEMA <schema> FROM ${name}, PUBLIC`,
    ),
    verdict(
      'app-role:ownership',
      [
        ...(found.owns_database ? [`${role} owns the platform database`] : []),
        ...found.owns.map((table) => `${role} owns ${table}`),
      ],
      'the application role owns neither the platform database nor a platform table',
      'as the owner, ALTER DATABASE/TABLE ... OWNER TO the migration owner, then restart (grants are re-applied)',
    ),
  ];
}

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
  const name = quoted(role.rolname);
  return [
    verdict(
      'app-role:attributes',
      [...attributes, ...borrowed],
      `${role.rolname}: no superuser, bypassrls, createrole or createdb`,
      `as the owner, ALTER ROLE ${name} NOSUPERUSER NOBYPASSRLS NOCREATEROLE NOCREATEDB, and REVOKE the borrowed role FROM ${name}`,
    ),
    ...(await checkSharedSchemas(app, role.rolname)),
    verdict(
      'platform:secret-columns',
      readable,
      'private keys, password hashes and secrets are owner-only',
      `as the owner, REVOKE SELECT ON the named table FROM ${name} (and re-grant only the public columns)`,
    ),
    verdict(
      'platform:audit-append-only',
      rewritable.rows[0]!.rewritable ? ['platform.platform_audit can be updated or deleted'] : [],
      'the platform audit is append-only for the application role',
      `as the owner, REVOKE UPDATE, DELETE, TRUNCATE ON platform.platform_audit FROM ${name}`,
    ),
  ];
}
