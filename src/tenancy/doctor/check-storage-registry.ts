import pg from 'pg';
import { guardClient } from '../../db/connection-faults.js';
import { findBehind } from '../migrations/migrate-tenant-storages.js';
import type { Tenancy } from '../tenancy.js';
import { isTenantId } from '../tenant-id.js';
import { type IsolationCheck, verdict } from './isolation-check.js';

/** Statuses whose storage must exist; `provisioning` and `deleting` may have it or not. */
const LIVE = new Set(['active', 'suspended']);
const IN_FLIGHT = new Set(['provisioning', 'deleting', 'failed']);

async function databasesOn(tenancy: Tenancy, placement: string, pattern: string): Promise<string[]> {
  const query = `select datname from pg_database where datname like $1 order by 1`;
  if (placement === 'default') {
    return (await tenancy.adminPool.query<{ datname: string }>(query, [pattern])).rows.map((r) => r.datname);
  }
  const url = tenancy.endpoints.servers.get(placement);
  if (!url) throw new Error(`unknown placement server "${placement}"`);
  const client = guardClient(new pg.Client({ connectionString: url }));
  await client.connect();
  try {
    return (await client.query<{ datname: string }>(query, [pattern])).rows.map((r) => r.datname);
  } finally {
    await client.end();
  }
}

/** `like` pattern matching the names `make` gives, with `_` and `%` in the fixed part escaped. */
function likePattern(make: (id: never) => string): string {
  const sample = make('x-marker' as never);
  const [head] = sample.split('x_marker');
  return `${head!.replace(/[\\_%]/g, (c) => `\\${c}`)}%`;
}

/**
 * Storage against the registry: every live `schema` and `database` tenant has its storage, none
 * exists without a tenant that may own it (a deleted tenant's data left behind), and every
 * storage has the current tenant migrations (from the recorded state, one query).
 */
export async function checkStorageRegistry(tenancy: Tenancy, only?: string): Promise<IsolationCheck[]> {
  const { names } = tenancy.endpoints;
  let query = tenancy.platformDb
    .selectFrom('platform.tenants')
    .select(['id', 'isolation', 'placement', 'status'])
    .where('isolation', 'in', ['schema', 'database']);
  if (only) query = query.where('id', '=', only);
  const tenants = (await query.execute()).filter((t) => isTenantId(t.id));
  const expected = (isolation: string) =>
    new Map(
      tenants
        .filter((t) => t.isolation === isolation)
        .map((t) => [
          isolation === 'schema' ? names.schemaFor(t.id as never) : names.databaseFor(t.id as never),
          t,
        ]),
    );
  const schemas = expected('schema');
  const databases = expected('database');

  const foundSchemas = new Set(
    (
      await tenancy.adminPool.query<{ nspname: string }>(
        `select nspname from pg_namespace where nspname like $1`,
        [likePattern(names.schemaFor)],
      )
    ).rows.map((r) => r.nspname),
  );
  const placements = new Set([...databases.values()].map((t) => t.placement));
  if (!only) for (const placement of tenancy.endpoints.servers.keys()) placements.add(placement);
  const foundDatabases = new Set<string>();
  for (const placement of placements) {
    for (const name of await databasesOn(tenancy, placement, likePattern(names.databaseFor)))
      foundDatabases.add(name);
  }

  const problems = (kind: string, wanted: Map<string, (typeof tenants)[number]>, found: Set<string>) => {
    const missing = [...wanted]
      .filter(([name, t]) => LIVE.has(t.status) && !found.has(name))
      .map(([name, t]) => `${kind} ${name} of ${t.status} tenant ${t.id} is missing`);
    const orphaned = [...found]
      .filter((name) => {
        const owner = wanted.get(name);
        return !owner ? !only : !LIVE.has(owner.status) && !IN_FLIGHT.has(owner.status);
      })
      .filter((name) => !only || wanted.has(name))
      .map(
        (name) => `${kind} ${name} has no live tenant (${wanted.get(name)?.status ?? 'not in the registry'})`,
      );
    return { missing, orphaned };
  };
  const s = problems('schema', schemas, foundSchemas);
  const d = problems('database', databases, foundDatabases);
  const behind = await findBehind(tenancy, only && isTenantId(only) ? [only] : undefined);
  return [
    verdict(
      'storage:missing',
      [...s.missing, ...d.missing],
      `${schemas.size} schema and ${databases.size} database tenants, every live one has its storage`,
      'restore the storage from a backup, or re-provision: `tenantbase tenants delete <id>` then re-create and import its archive',
    ),
    verdict(
      'storage:orphaned',
      [...s.orphaned, ...d.orphaned],
      'no tenant schema or database without a live tenant in the registry',
      'export what must be kept, then as the owner DROP SCHEMA <name> CASCADE / DROP DATABASE <name>',
    ),
    verdict(
      'storage:migrations',
      behind.map(
        (b) =>
          `${b.isolation === 'pool' && b.id === 'pool' ? 'the pool schema' : `${b.isolation} tenant ${b.id}`} lacks current tenant migrations`,
      ),
      `every storage has the ${tenancy.latestMigrations.length} current tenant migrations`,
      'run `tenantbase migrate` (or restart a server: it migrates storages behind in the background)',
    ),
  ];
}
