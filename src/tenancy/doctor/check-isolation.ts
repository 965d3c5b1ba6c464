import type pg from 'pg';
import { quoteIdent } from '../../db/sql-identifier.js';
import type { TenantLocation } from '../isolation/isolation-model.js';
import type { Tenancy } from '../tenancy.js';
import { isTenantId } from '../tenant-id.js';
import { ISOLATIONS } from '../tiers.js';
import { checkAppRole } from './check-app-role.js';
import { checkStorageCatalogues, inspectStorageCatalogues } from './check-storage-catalogue.js';
import { checkStorageRegistry } from './check-storage-registry.js';
import { checkTenantKeys } from './check-tenant-keys.js';
import { runBounded } from '../migrations/migrate-tenant-storages.js';
import { checkSecretsSealed } from './check-secrets-sealed.js';
import { checkTenantRoles } from './check-tenant-roles.js';
import { type IsolationCheck, verdict } from './isolation-check.js';
import { probeCrossTenant } from './probe-cross-tenant.js';
import { probeSchemas } from './probe-many-schemas.js';

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
  return verdict(
    `${label}:database-access`,
    broken,
    `only granted roles connect to ${row.database}`,
    `as the owner, REVOKE CONNECT, CREATE ON DATABASE ${quoteIdent(row.database)} FROM PUBLIC, <application role>`,
  );
}

async function liveTenants(
  tenancy: Tenancy,
  only?: string,
): Promise<Array<TenantLocation & { storage_role: string | null }>> {
  let query = tenancy.platformDb
    .selectFrom('platform.tenants')
    .select(['id', 'isolation', 'placement', 'storage_role'])
    .where('status', 'in', ['active', 'suspended']);
  if (only) query = query.where('id', '=', only);
  const rows = await query.orderBy('id').execute();
  return rows.flatMap((row) => {
    const isolation = ISOLATIONS.find((known) => known === row.isolation);
    return isTenantId(row.id) && isolation
      ? [{ id: row.id, isolation, placement: row.placement, storage_role: row.storage_role }]
      : [];
  });
}

/**
 * The storage as the application role sees it: the catalogue checks and probes are about that
 * role (which reaches every storage); tenant roles have a check of their own (check-tenant-roles).
 */
function asAppRole(tenant: TenantLocation): TenantLocation {
  return { id: tenant.id, isolation: tenant.isolation, placement: tenant.placement };
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

/** Storages whose connections are checked at once: bounds the connections one run takes. */
const CONCURRENCY = 4;
/** Most schemas per catalogue query. */
const BATCH = 500;
/** Schemas per live probe message (one round trip; a transaction per schema). */
const PROBE_BATCH = 25;

/**
 * Every isolation invariant checked against the live databases through the application role, one
 * result per check (`tenantbase doctor`, `GET /platform/doctor`): the role's attributes, its
 * rights in the platform database and platform secrets; per storage the catalogue (row-level
 * security, policies, ownership, keys that include tenant_id) and a live cross-tenant read and
 * write; and the storages against the registry and the current migrations. The pool schema is
 * checked once; tenant schemas shared out among `CONCURRENCY` connections, each checking its share
 * in batched catalogue queries and then probing every schema live, `PROBE_BATCH` per round trip; tenant databases
 * `CONCURRENCY` at a time. `tenantId` narrows the storages to that tenant's.
 */
export async function checkIsolation(
  tenancy: Tenancy,
  options: { tenantId?: string } = {},
): Promise<IsolationCheck[]> {
  const tenants = await liveTenants(tenancy, options.tenantId);
  const role = tenancy.endpoints.names.appRole;
  const results = await withClient(await tenancy.appPool.connect(), checkAppRole);
  const pooled = tenants.filter((tenant) => tenant.isolation === 'pool');
  if (pooled.length > 0 || !options.tenantId) {
    const target = { label: 'pool', schema: tenancy.endpoints.names.poolSchema };
    const ids = pooled.map((tenant) => tenant.id);
    results.push(
      ...(await withClient(await tenancy.appPool.connect(), async (app) => [
        ...(await checkStorageCatalogues(app, [target], role)),
        ...(await checkTenantKeys(app, [target])),
        ...(await probeCrossTenant(app, target.label, target.schema, ids)),
      ])),
    );
  }
  const schemaTenants = tenants.filter((tenant) => tenant.isolation === 'schema');
  const bySchema: IsolationCheck[][] = schemaTenants.map(() => []);
  // Each connection takes a share of the schemas: their catalogue in three queries, then their
  // live probe, PROBE_BATCH schemas per round trip.
  const share = Math.max(PROBE_BATCH, Math.min(BATCH, Math.ceil(schemaTenants.length / CONCURRENCY)));
  const shares: number[] = [];
  for (let from = 0; from < schemaTenants.length; from += share) shares.push(from);
  await runBounded(shares, CONCURRENCY, async (from) => {
    const batch = schemaTenants.slice(from, from + share).map((tenant) => ({
      label: `schema:${tenant.id}`,
      schema: tenancy.endpoints.names.schemaFor(tenant.id),
      tenants: [tenant.id],
    }));
    // Probing leaves the catalogue of every table it touched cached in the backend: the
    // connection is closed afterwards rather than returned to serve requests that bloated.
    const app = await tenancy.appPool.connect();
    try {
      const catalogue = await inspectStorageCatalogues(app, batch, role);
      const byLabel = new Map<string, IsolationCheck[]>();
      for (const result of [...catalogue.checks, ...(await checkTenantKeys(app, batch))]) {
        const label = result.name.slice(0, result.name.lastIndexOf(':'));
        byLabel.set(label, [...(byLabel.get(label) ?? []), result]);
      }
      batch.forEach((target, i) => bySchema[from + i]!.push(...(byLabel.get(target.label) ?? [])));
      for (let at = 0; at < batch.length; at += PROBE_BATCH) {
        const probed = batch
          .slice(at, at + PROBE_BATCH)
          .map((target) => ({ ...target, tables: catalogue.tenantTables.get(target.schema) ?? [] }));
        const found = await probeSchemas(app, probed);
        probed.forEach((_, k) => bySchema[from + at + k]!.push(...found[k]!));
      }
    } finally {
      app.release(true);
    }
  });
  const databaseTenants = tenants.filter((tenant) => tenant.isolation === 'database');
  const byDatabase: IsolationCheck[][] = databaseTenants.map(() => []);
  await runBounded(
    databaseTenants.map((tenant, i) => ({ tenant, i })),
    CONCURRENCY,
    async ({ tenant, i }) => {
      const label = `database:${tenant.id}`;
      const { client, schema } = await tenancy.model('database').connect(asAppRole(tenant));
      const target = { label, schema };
      byDatabase[i] = await withClient(client, async (app) => [
        await checkDatabaseWall(app, label),
        ...(await checkStorageCatalogues(app, [target], role)),
        ...(await checkTenantKeys(app, [target])),
        ...(await probeCrossTenant(app, label, schema, [tenant.id])),
      ]);
    },
  );
  results.push(...bySchema.flat(), ...byDatabase.flat());
  results.push(...(await checkStorageRegistry(tenancy, options.tenantId)));
  results.push(await checkTenantRoles(tenancy, tenants));
  results.push(await checkSecretsSealed(tenancy.adminPool, tenancy.endpoints.secrets));
  return results;
}
