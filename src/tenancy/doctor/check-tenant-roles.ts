import type pg from 'pg';
import type { TenantLocation } from '../isolation/isolation-model.js';
import type { Tenancy } from '../tenancy.js';
import { type IsolationCheck, verdict } from './isolation-check.js';

const NAME = 'tenant roles: reach only their own storage';

interface RoleRow {
  tenant: string;
  role: string;
  kind: 'schema' | 'database';
  missing: boolean;
  privileged: boolean;
  login: boolean;
  schemas: string[];
  databases: string[];
  member_of: string[];
}

/**
 * What each tenant role can reach, from the catalogue of the server `owner` is on, in one query
 * that reads every schema's grants once (asking has_schema_privilege of every role for every
 * schema would be a million questions at a thousand tenants):
 * schemas it may use in this database (a `schema` tenant's role: its own only), Tenantbase
 * databases it may connect to (a `database` tenant's: its own only), roles it is a member of (none) and the
 * attributes that would step past every fence.
 */
async function inspectRoles(
  owner: pg.ClientBase | pg.Pool,
  databasePrefix: string,
  tenants: Array<{ id: string; role: string; kind: 'schema' | 'database'; own: string }>,
): Promise<RoleRow[]> {
  const { rows } = await owner.query<RoleRow>(
    `with usable as (
       select a.grantee, n.nspname::text as nspname
         from pg_namespace n cross join lateral aclexplode(coalesce(n.nspacl, acldefault('n', n.nspowner))) a
        where a.privilege_type = 'USAGE' and n.nspname not in ('information_schema', 'public')
          and n.nspname !~ '^pg_'),
     granted as (select grantee, array_agg(nspname) as schemas from usable group by grantee)
     select t.tenant, t.role, t.kind, r.oid is null as missing,
            coalesce(r.rolsuper or r.rolbypassrls or r.rolcreaterole or r.rolcreatedb, false) as privileged,
            coalesce(r.rolcanlogin, false) as login,
            case when r.oid is null or t.kind <> 'schema' then '{}'::text[]
                 -- A superuser or a member of another role may reach schemas no grant to it names.
                 when r.rolsuper or exists (select 1 from pg_auth_members m where m.member = r.oid) then
                   array(select n.nspname::text from pg_namespace n
                          where has_schema_privilege(r.oid, n.oid, 'USAGE')
                            and n.nspname <> t.own and n.nspname not in ('information_schema', 'public')
                            and n.nspname !~ '^pg_')
                 else array(select distinct s from unnest(coalesce(own_grants.schemas, '{}')
                                                          || coalesce(everyone.schemas, '{}')) as s
                             where s <> t.own order by 1)
            end as schemas,
            array(select d.datname::text from pg_database d
                   where r.oid is not null and t.kind = 'database' and d.datallowconn
                     and has_database_privilege(r.oid, d.oid, 'CONNECT')
                     and d.datname <> t.own
                     and (d.datname = current_database() or starts_with(d.datname, $5))) as databases,
            array(select b.rolname::text from pg_auth_members m join pg_roles b on b.oid = m.roleid
                   where m.member = r.oid) as member_of
       from unnest($1::text[], $2::text[], $3::text[], $4::text[]) as t(tenant, role, kind, own)
       left join pg_roles r on r.rolname = t.role
       left join granted own_grants on own_grants.grantee = r.oid
       left join granted everyone on everyone.grantee = 0`,
    [
      tenants.map((t) => t.id),
      tenants.map((t) => t.role),
      tenants.map((t) => t.kind),
      tenants.map((t) => t.own),
      databasePrefix,
    ],
  );
  return rows;
}

function problems(row: RoleRow): string[] {
  const found: string[] = [];
  const kind = row.kind;
  if (row.missing) return [`${row.tenant}: role ${row.role} is missing`];
  if (row.privileged)
    found.push(`${row.tenant}: role ${row.role} is superuser, BYPASSRLS, CREATEROLE or CREATEDB`);
  if (kind === 'schema' && row.login) found.push(`${row.tenant}: role ${row.role} can log in`);
  if (row.schemas.length)
    found.push(`${row.tenant}: role ${row.role} may use schema ${row.schemas.join(', ')}`);
  if (row.databases.length)
    found.push(`${row.tenant}: role ${row.role} may connect to database ${row.databases.join(', ')}`);
  if (row.member_of.length)
    found.push(`${row.tenant}: role ${row.role} is a member of ${row.member_of.join(', ')}`);
  return found;
}

/**
 * "Per-tenant roles reach only their own storage": every schema and database tenant's own role,
 * as the owner sees it in the catalogues (the application role cannot read other roles' rights
 * this way). A tenant still without a role (before the upgrade's migration ran) is a warning.
 */
export async function checkTenantRoles(
  tenancy: Tenancy,
  tenants: Array<TenantLocation & { storage_role?: string | null }>,
): Promise<IsolationCheck> {
  const { names } = tenancy.endpoints;
  // Tenantbase's databases on a server: the platform's and the tenant databases (`<prefix>tenant_<id>`);
  // others an operator keeps there are not ours to judge.
  const sample = 'aaa' as TenantLocation['id'];
  const databasePrefix = names.databaseFor(sample).slice(0, -sample.length);
  const own = tenants.filter((tenant) => tenant.isolation !== 'pool');
  const without = own.filter((tenant) => !tenant.storage_role).map((tenant) => tenant.id);
  const broken: string[] = [];
  const byServer = new Map<string, typeof own>();
  for (const tenant of own.filter((t) => t.storage_role)) {
    const server = tenant.isolation === 'schema' ? 'default' : tenant.placement;
    byServer.set(server, [...(byServer.get(server) ?? []), tenant]);
  }
  for (const [server, group] of byServer) {
    const rows = async (owner: pg.ClientBase | pg.Pool) =>
      inspectRoles(
        owner,
        databasePrefix,
        group.map((tenant) => ({
          id: tenant.id,
          role: tenant.storage_role!,
          kind: tenant.isolation as 'schema' | 'database',
          own: tenant.isolation === 'schema' ? names.schemaFor(tenant.id) : names.databaseFor(tenant.id),
        })),
      );
    let found: RoleRow[];
    if (server === 'default') found = await rows(tenancy.adminPool);
    else {
      const { client } = await tenancy.ownerStorage(group[0]!);
      try {
        found = await rows(client);
      } finally {
        await client.end();
      }
    }
    for (const row of found) broken.push(...problems(row));
  }
  const result = verdict(
    NAME,
    broken,
    `${own.length - without.length} tenant role(s) reach their own schema or database only`,
    "a missing role, or one with an attribute listed: `tenantbase tenants repair-role <id>` makes it again with its own grants and fenced attributes (a schema tenant's role made superuser or BYPASSRLS first needs ALTER ROLE <role> NOSUPERUSER NOBYPASSRLS by hand: no Tenantbase process starts while the application role can become it); other rights listed are revoked by hand (REVOKE USAGE ON SCHEMA … / REVOKE CONNECT ON DATABASE … / REVOKE <other role> FROM <role>)",
  );
  if (result.status === 'ok' && without.length > 0)
    return {
      name: NAME,
      status: 'warn',
      detail: `no own role yet: ${without.join(', ')} (run \`tenantbase migrate\`)`,
    };
  return result;
}
