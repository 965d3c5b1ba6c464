import type { AppServices } from '../../app/app-services.js';
import type { Job } from '../../jobs/job-queue.js';
import { PermanentJobError } from '../../jobs/job-worker.js';
import { isTenantId } from '../../tenancy/tenant-id.js';
import { recordPlatformAudit } from '../audit/record-platform-audit.js';
import { removeTenantExports } from '../tenant-archive/export-files.js';
import { eraseTenantPlatformRows } from './erase-tenant-platform-rows.js';

type DeleteServices = Pick<AppServices, 'tenancy' | 'config' | 'cache' | 'permissions'>;

/**
 * Erases a `deleting` tenant: its rows, schema or database, archives and platform rows, then
 * proves it with the owner's count (`tenancy.inspect`) before marking it `deleted`. Every step is
 * idempotent, so a job re-claimed after a crash simply runs them all again; rows that appear
 * meanwhile (a request admitted before `deleting` was seen) fail the proof and the job retries.
 */
export function deleteTenantJob(services: DeleteServices) {
  const { tenancy } = services;
  const { registry } = tenancy;
  return async (job: Job) => {
    if (!job.tenantId || !isTenantId(job.tenantId)) throw new PermanentJobError('job has no valid tenant');
    const tenant = await registry.load(job.tenantId);
    if (!tenant) throw new PermanentJobError('tenant is gone');
    if (tenant.status === 'deleted') return { skipped: 'already deleted' };
    if (tenant.status !== 'deleting') throw new PermanentJobError(`tenant is ${tenant.status}`);

    await registry.setStatus(tenant.id, { provisioning_step: 'erase_storage' });
    await tenancy.destroy(tenant);
    await tenancy.dropStorageRole(tenant);
    await registry.setStatus(tenant.id, { provisioning_step: 'erase_platform_rows' });
    // Rows before files: an export finishing meanwhile then finds its row gone and removes its own file.
    await eraseTenantPlatformRows(tenancy.platformDb, tenant, job.id);
    await removeTenantExports(services.config.dataDir, tenant.id);
    await registry.setStatus(tenant.id, { provisioning_step: 'verify' });
    const report = await tenancy.inspect(tenant);
    // The shared pool schema belongs to every pool tenant; a pool tenant owns no storage of its own.
    const storageExists = tenant.isolation !== 'pool' && report.exists;
    if (report.rows > 0 || storageExists) {
      throw new Error(
        `deletion left ${report.rows} rows${storageExists ? ' and the storage' : ''}; retrying`,
      );
    }
    await tenancy.platformDb.transaction().execute(async (trx) => {
      await trx
        .updateTable('platform.tenants')
        .set({ status: 'deleted', provisioning_step: null, updated_at: new Date() })
        .where('id', '=', tenant.id)
        .where('status', '=', 'deleting')
        .execute();
      await recordPlatformAudit(trx, {
        action: 'tenant.delete',
        targetType: 'tenant',
        targetId: tenant.id,
        tenantId: tenant.id,
        details: { rows_left: report.rows, storage_exists: storageExists, isolation: tenant.isolation },
      });
    });
    registry.invalidate(tenant.id);
    services.permissions.invalidate(tenant.id);
    await services.cache.invalidate(tenant.id);
    return { deleted: tenant.id, rows_left: report.rows };
  };
}
