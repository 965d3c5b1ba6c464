import type pg from 'pg';
import type { TenantLocation } from '../isolation/isolation-model.js';
import type { Tenancy } from '../tenancy.js';
import { isTenantId } from '../tenant-id.js';
import { ISOLATIONS } from '../tiers.js';
import { checkAppRole } from './check-app-role.js';
import { checkStorageCatalogue } from './check-storage-catalogue.js';
import { type IsolationCheck, verdict } from './isolation-check.js';
import { probeCrossTenant } from './probe-cross-tenant.js';

export type { IsolationCheck } from './isolation-check.js';

/** A tenant database's own wall: PUBLIC may not connect, the application role may not create. */
async function checkDatabaseWall(app: pg.ClientBase, label: string): Promise<IsolationCheck> {
  const { rows } = await app.query<{ public_connects: boolean; creates: boolean; database: string }>(
    `select d.datname as database,
            exists (select 1 from aclexplode(coalesce(d.datacl, acldefault('d', d.datdba))) a
                     where a.grantee = 0 and a.privilege_type = 'CONNECT') as public_connects,
            has_database_privilege(current_user, d.oid, 'create') as creates
       from pg_database d where d.datname = current_database()`,
  );
  const row = rows[0]!;
  const broken = [
    ...(row.public_connects ? [`every role may connect to ${row.database}`] : []),
    ...(row.creates ? [`the application role may create schemas in ${row.database}`] : []),
  ];
  return verdict(`${label}:database-access`, broken, `only granted roles connect to ${row.database}`);
}

async function liveTenants(tenancy: Tenancy, only?: string): Promise<TenantLocation[]> {
  let query = tenancy.platformDb
    .selectFrom('platform.tenants')
    .select(['id', 'isolation', 'placement'])
    .where('status', 'in', ['active', 'suspended']);
  if (only) query = query.where('id', '=', only);
  const rows = await query.orderBy('id').execute();
  return rows.flatMap((row) => {
    const isolation = ISOLATIONS.find((known) => known === row.isolation);
    return isTenantId(row.id) && isolation ? [{ id: row.id, isolation, placement: row.placement }] : [];
  });
}

/** Runs `work` on a checked-out application-role client; one that failed midway is not reused. */
async function withClient<T>(client: pg.PoolClient, work: (app: pg.PoolClient) => Promise<T>): Promise<T> {
  let healthy = true;
  try {
    return await work(client);
  } catch (error) {
    healthy = false;
    throw error;
  } finally {
    client.release(healthy ? undefined : true);
  }
}

/**
 * Every isolation invariant checked against the live databases through the application role, one
 * result per check (the seed of `tenantbase doctor`): the role's attributes and platform secrets,
 * then per storage the catalogue (row-level security, policies, ownership) and a live
 * cross-tenant read and write. The shared pool schema is checked once; each `schema` and
 * `database` tenant once. `tenantId` narrows the storages to that tenant's.
 */
export async function checkIsolation(
  tenancy: Tenancy,
  options: { tenantId?: string } = {},
): Promise<IsolationCheck[]> {
  const tenants = await liveTenants(tenancy, options.tenantId);
  const results = await withClient(await tenancy.appPool.connect(), checkAppRole);
  const pooled = tenants.filter((tenant) => tenant.isolation === 'pool');
  if (pooled.length > 0 || !options.tenantId) {
    const schema = tenancy.endpoints.names.poolSchema;
    const ids = pooled.map((tenant) => tenant.id);
    results.push(
      ...(await withClient(await tenancy.appPool.connect(), async (app) => [
        ...(await checkStorageCatalogue(app, 'pool', schema)),
        ...(await probeCrossTenant(app, 'pool', schema, ids)),
      ])),
    );
  }
  for (const tenant of tenants.filter((candidate) => candidate.isolation !== 'pool')) {
    const label = `${tenant.isolation}:${tenant.id}`;
    const { client, schema } = await tenancy.model(tenant.isolation).connect(tenant);
    results.push(
      ...(await withClient(client, async (app) => [
        ...(tenant.isolation === 'database' ? [await checkDatabaseWall(app, label)] : []),
        ...(await checkStorageCatalogue(app, label, schema)),
        ...(await probeCrossTenant(app, label, schema, [tenant.id])),
      ])),
    );
  }
  return results;
}
