import { mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { quoteIdent } from '../../db/sql-identifier.js';
import type { AppServices } from '../../app/app-services.js';
import type { Job } from '../../jobs/job-queue.js';
import { PermanentJobError } from '../../jobs/job-worker.js';
import type { TenantRecord } from '../../tenancy/registry/tenant-record.js';
import { isTenantId } from '../../tenancy/tenant-id.js';
import { recordPlatformAudit } from '../audit/record-platform-audit.js';
import { ARCHIVE_FORMAT, ARCHIVE_VERSION, type ArchiveManifest } from './archive-format.js';
import { exportFileName, exportFilePath } from './export-files.js';
import { readTenantSnapshot } from './read-tenant-snapshot.js';
import { writeArchive } from './write-archive.js';

type ExportServices = Pick<AppServices, 'tenancy' | 'modules' | 'config'>;

function manifestHeader(tenant: TenantRecord, migrations: string[]): Omit<ArchiveManifest, 'tables'> {
  const { id, name, tier, isolation, business_domain, feature_overrides, branding, settings } = tenant;
  return {
    format: ARCHIVE_FORMAT,
    version: ARCHIVE_VERSION,
    created_at: new Date().toISOString(),
    tenant: {
      id,
      name,
      tier,
      isolation,
      business_domain,
      feature_overrides,
      branding,
      settings,
      limit_overrides: tenant.limit_overrides,
    },
    migrations,
  };
}

/**
 * Writes the archive of one export. Every registered module's tenant tables go in, whatever
 * columns they have today. A retry after a crash starts the file over; only the last attempt's
 * failure marks the export `failed`.
 */
export function exportTenantJob(services: ExportServices) {
  const { tenancy } = services;
  const db = tenancy.platformDb;
  const fail = (id: string, error: string) =>
    db
      .updateTable('platform.tenant_exports')
      .set({ status: 'failed', error: error.slice(0, 500), completed_at: new Date() })
      .where('id', '=', id)
      .execute();
  return async (job: Job) => {
    const exportId = typeof job.payload.export_id === 'string' ? job.payload.export_id : '';
    const row = await db
      .selectFrom('platform.tenant_exports')
      .selectAll()
      .where('id', '=', exportId)
      .executeTakeFirst();
    if (!row) throw new PermanentJobError('the export is gone');
    if (row.status !== 'running') return { skipped: row.status };
    const tenant = isTenantId(row.tenant_id) ? await tenancy.registry.load(row.tenant_id) : undefined;
    if (!tenant || (tenant.status !== 'active' && tenant.status !== 'suspended')) {
      await fail(exportId, `the tenant is ${tenant?.status ?? 'gone'}`);
      throw new PermanentJobError('the tenant cannot be exported any more');
    }
    const fileName = exportFileName(tenant.id, exportId);
    const file = exportFilePath(services.config.dataDir, fileName);
    let archive;
    try {
      await mkdir(path.dirname(file), { recursive: true });
      archive = await readTenantSnapshot(tenancy, tenant, async (source) => {
        const applied = await source.run<{ id: string }>(
          `select id from ${quoteIdent(source.schema)}.tenant_migrations order by applied_at, id`,
        );
        const header = manifestHeader(
          tenant,
          applied.map((migration) => migration.id),
        );
        return writeArchive(
          source,
          services.modules.flatMap((module) => module.tables),
          header,
          file,
        );
      });
    } catch (error) {
      if (job.attempts >= job.maxAttempts)
        await fail(exportId, error instanceof Error ? error.message : String(error));
      throw error;
    }
    const tables = archive.manifest.tables.map(({ name, rows, sha256 }) => ({ name, rows, sha256 }));
    const recorded = await db
      .updateTable('platform.tenant_exports')
      .set({
        status: 'done',
        file_name: fileName,
        size_bytes: archive.bytes,
        sha256: archive.sha256,
        tables: JSON.stringify(tables),
        completed_at: new Date(),
      })
      .where('id', '=', exportId)
      .where('status', '=', 'running')
      .returning('id')
      .executeTakeFirst();
    if (!recorded) {
      // The tenant was deleted meanwhile (its export rows went first): its data must not stay on disk.
      await rm(file, { force: true });
      throw new PermanentJobError('the export was withdrawn while it ran');
    }
    const rows = tables.reduce((sum, table) => sum + table.rows, 0);
    await recordPlatformAudit(db, {
      action: 'tenant.export',
      targetType: 'tenant',
      targetId: tenant.id,
      tenantId: tenant.id,
      details: { export_id: exportId, rows, size_bytes: archive.bytes, sha256: archive.sha256 },
    });
    return { export_id: exportId, rows };
  };
}
