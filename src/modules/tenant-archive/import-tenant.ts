import { AppError } from '../../errors.js';
import type { AppServices } from '../../app/app-services.js';
import type { TenantRecord } from '../../tenancy/registry/tenant-record.js';
import { parseTenantId } from '../../tenancy/tenant-id.js';
import { runUnderLease } from '../../jobs/run-under-lease.js';
import { recordPlatformAudit } from '../audit/record-platform-audit.js';
import { AUDIT_APPENDED } from '../audit/record-audit.js';
import type { ArchiveManifest } from './archive-format.js';
import { discardImportTarget, registerImportTarget, type ImportTargetOptions } from './import-target.js';
import { IMPORT_GUARD_JOB } from './interrupted-import-job.js';
import { loadArchive } from './load-archive.js';
import { readArchive } from './read-archive.js';
import { storageSchema } from './storage-schema.js';

export interface ImportResult {
  tenant: TenantRecord;
  created: boolean;
  tables: Record<string, number>;
  rows: number;
}

type ImportServices = Pick<
  AppServices,
  'tenancy' | 'modules' | 'cache' | 'permissions' | 'jobs' | 'worker' | 'config'
>;

/** Refuses an archive this installation cannot hold: unknown tables, or migrations it never shipped. */
function assertCompatible(manifest: ArchiveManifest, tables: string[], migrations: string[]): void {
  const unknownTables = manifest.tables.map((table) => table.name).filter((name) => !tables.includes(name));
  const unknownMigrations = manifest.migrations.filter((id) => !migrations.includes(id));
  const details = [
    ...unknownTables.map((name) => ({ path: 'tables', message: `unknown tenant table ${name}` })),
    ...unknownMigrations.map((id) => ({ path: 'migrations', message: `unknown tenant migration ${id}` })),
  ];
  if (details.length > 0) {
    throw new AppError('VALIDATION_FAILED', 'The archive comes from a newer or different installation', {
      details,
    });
  }
}

/** A PostgreSQL refusal of archive rows (bad value, broken constraint) is the archive's fault: 400. */
function rowsRefused(error: unknown): unknown {
  const code = (error as { code?: unknown }).code;
  if (typeof code !== 'string' || !/^(22|23)/.test(code)) return error;
  return new AppError('VALIDATION_FAILED', "The archive's rows do not fit this tenant's tables", {
    details: [{ path: 'archive', message: (error as Error).message }],
    cause: error,
  });
}

/**
 * Imports an archive into a new tenant (created here, in any isolation model) or an empty one.
 * The whole archive is verified before anything is touched, then loaded in ONE tenant
 * transaction that verifies it again: a bad archive leaves no tenant, row or storage behind.
 */
export async function importTenant(
  services: ImportServices,
  rawId: string,
  file: string,
  options: ImportTargetOptions,
): Promise<ImportResult> {
  const { tenancy } = services;
  const id = parseTenantId(rawId, 'id');
  const tenantTables = services.modules.flatMap((module) => module.tables);
  const upgrades = services.modules.flatMap((module) =>
    (module.archiveUpgrades ?? []).map((upgrade) => ({
      ...upgrade,
      migration: `${module.name}:${upgrade.migration}`,
    })),
  );
  const manifest = await readArchive(file);
  assertCompatible(manifest, tenantTables, tenancy.latestMigrations);
  const existing = await tenancy.registry.load(id);
  if (existing?.status === 'deleted' || existing?.status === 'deleting') {
    throw new AppError('CONFLICT', 'This id belonged to a deleted tenant and is never reused');
  }
  if (existing && existing.status !== 'active' && existing.status !== 'suspended') {
    throw new AppError('CONFLICT', `Cannot import into a tenant that is ${existing.status}`);
  }
  let registered = false;
  const load = async (): Promise<{ tenant: TenantRecord; tables: Record<string, number> }> => {
    const tenant = existing ?? (await registerImportTarget(tenancy, id, manifest.tenant, options));
    registered = !existing;
    let tables: Record<string, number>;
    try {
      if (!existing) await tenancy.provision(tenant);
      const schema = storageSchema(tenancy, tenant);
      tables = await tenancy.withTenant(tenant, async (scope) => {
        const loaded = await loadArchive(scope, schema, file, manifest, tenantTables, upgrades);
        for (const module of services.modules) await module.afterImport?.(scope);
        // Entries exported before the source's sealer reached them are chained here, after the commit.
        if (loaded.audit_log) scope.signal(AUDIT_APPENDED);
        return loaded;
      });
    } catch (error) {
      if (!existing) await discardImportTarget(tenancy, tenant);
      throw rowsRefused(error);
    }
    await tenancy.analyze(tenant);
    if (!existing) await tenancy.registry.setStatus(id, { status: 'active', provisioning_step: null });
    return { tenant, tables };
  };
  // A new tenant is made under a leased guard job: if this process dies half-way, another one
  // sees the lease run out and removes the half-made tenant. An existing one loads in one transaction.
  const { tables } = existing
    ? await load()
    : await runUnderLease(
        services.jobs,
        {
          kind: IMPORT_GUARD_JOB,
          payload: {},
          tenantId: id,
          worker: services.worker.id,
          seconds: services.config.jobLeaseSeconds,
          // Refused before registering (the id was taken meanwhile): the tenant is another's to keep.
          undoOnFailure: () => registered,
        },
        load,
      );
  tenancy.registry.invalidate(id);
  services.permissions.invalidate(id);
  await services.cache.invalidate(id);
  const rows = Object.values(tables).reduce((sum, n) => sum + n, 0);
  await recordPlatformAudit(tenancy.platformDb, {
    action: 'tenant.import',
    targetType: 'tenant',
    targetId: id,
    tenantId: id,
    details: {
      created: !existing,
      source_tenant: manifest.tenant.id,
      source_isolation: manifest.tenant.isolation,
      rows,
    },
  });
  return { tenant: (await tenancy.registry.load(id))!, created: !existing, tables, rows };
}
