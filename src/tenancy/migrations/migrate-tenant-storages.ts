import { sql } from 'kysely';
import type { TenantLocation } from '../isolation/isolation-model.js';
import type { Tenancy } from '../tenancy.js';
import type { TenantId } from '../tenant-id.js';
import type { Isolation } from '../tenant-scope.js';
import { POOL_STORAGE } from './storage-key.js';

export interface MigrateOptions {
  concurrency: number;
  /** Only these tenants (the shared pool schema is included when one of them is a pool tenant). */
  only?: TenantId[];
  /** Migrate this many tenants first; stop there if any of them fails. */
  canary?: number;
  onProgress?: (event: { done: number; total: number; tenant: string; ok: boolean; error?: string }) => void;
}

export interface MigrateReport {
  total: number;
  migrated: string[];
  failed: Array<{ tenant: string; error: string }>;
  /** Not attempted because a canary failed. */
  skipped: string[];
  stoppedAtCanary: boolean;
}

/** A storage behind the latest migrations: a schema or database tenant, or the shared pool schema. */
export type Behind = TenantLocation | { id: typeof POOL_STORAGE; isolation: 'pool'; placement: 'default' };

/**
 * Every storage missing a current migration, or (a schema or database tenant from before
 * per-tenant roles) its own role, from recorded state in ONE query: no tenant storage is opened,
 * so "nothing pending" answers in milliseconds whatever the number of tenants. Provisioning again
 * is the upgrade path for both.
 */
export async function findBehind(tenancy: Tenancy, only?: TenantId[]): Promise<Behind[]> {
  const ids = tenancy.latestMigrations;
  if (ids.length === 0) return [];
  const { rows } = await sql<{
    id: string;
    isolation: Isolation;
    placement: string;
    storage_role: string | null;
  }>`
    with latest as (select unnest(${ids}::text[]) as migration_id),
    storages as (
      select 'pool' as id, 'pool' as isolation, 'default' as placement, 'pool' as storage, true as has_role,
             null as storage_role
      union all
      select id, isolation, placement, isolation || ':' || id, storage_role is not null, storage_role
        from platform.tenants
      where isolation in ('schema', 'database') and status in ('active', 'suspended')
    )
    select s.id, s.isolation, s.placement, s.storage_role from storages s
    where not s.has_role or exists (
      select 1 from latest l
      where not exists (select 1 from platform.storage_migrations m where m.storage = s.storage and m.migration_id = l.migration_id)
    )
    order by s.isolation = 'pool' desc, s.id`.execute(tenancy.platformDb);
  const wanted = only ? new Set<string>(only) : undefined;
  const poolWanted =
    !wanted ||
    (
      await tenancy.platformDb
        .selectFrom('platform.tenants')
        .select('id')
        .where('isolation', '=', 'pool')
        .where('id', 'in', [...wanted, '-'])
        .execute()
    ).length > 0;
  return rows
    .filter((row) => (row.id === POOL_STORAGE ? poolWanted : !wanted || wanted.has(row.id)))
    .map(
      (row) =>
        ({
          id: row.id,
          isolation: row.isolation,
          placement: row.placement,
          ...(row.storage_role ? { storage_role: row.storage_role } : {}),
        }) as Behind,
    );
}

/** Runs `work` on every item, at most `concurrency` at a time. */
export async function runBounded<T>(
  items: T[],
  concurrency: number,
  work: (item: T) => Promise<void>,
): Promise<void> {
  let next = 0;
  const lanes = Array.from({ length: Math.max(1, Math.min(concurrency, items.length)) }, async () => {
    while (next < items.length) await work(items[next++]!);
  });
  await Promise.all(lanes);
}

/**
 * Applies pending tenant migrations to every storage behind, `concurrency` at a time. A failing
 * tenant is reported and the run goes on; with `canary`, the first N go alone and a failure
 * among them stops the run. Safe to re-run: each storage applies only what it lacks.
 */
export async function migrateTenantStorages(
  tenancy: Tenancy,
  options: MigrateOptions,
): Promise<MigrateReport> {
  const behind = await findBehind(tenancy, options.only);
  const report: MigrateReport = {
    total: behind.length,
    migrated: [],
    failed: [],
    skipped: [],
    stoppedAtCanary: false,
  };
  let done = 0;
  const migrateOne = async (storage: Behind) => {
    const name = storage.id === POOL_STORAGE ? 'pool (shared)' : storage.id;
    try {
      if (storage.isolation === 'pool') await tenancy.migrateShared();
      else {
        const tenant = storage as TenantLocation;
        // Already given its own role: only its migrations are behind. Else provisioning is the upgrade.
        if (tenant.storage_role && tenant.storage_role === tenancy.endpoints.names.roleFor(tenant.id))
          await tenancy.migrateStorage({ ...tenant, storage_role: tenant.storage_role });
        else await tenancy.provision(tenant);
      }
      report.migrated.push(name);
      options.onProgress?.({ done: ++done, total: behind.length, tenant: name, ok: true });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      report.failed.push({ tenant: name, error: message });
      options.onProgress?.({ done: ++done, total: behind.length, tenant: name, ok: false, error: message });
    }
  };
  const canaries = behind.slice(0, options.canary ?? 0);
  const rest = behind.slice(canaries.length);
  await runBounded(canaries, options.concurrency, migrateOne);
  if (report.failed.length > 0 && canaries.length > 0) {
    report.stoppedAtCanary = true;
    report.skipped = rest.map((storage) => storage.id);
    return report;
  }
  await runBounded(rest, options.concurrency, migrateOne);
  return report;
}
