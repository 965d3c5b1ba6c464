import type { Job } from '../../jobs/job-queue.js';
import { PermanentJobError } from '../../jobs/job-worker.js';
import type { Tenancy } from '../../tenancy/tenancy.js';
import { isTenantId } from '../../tenancy/tenant-id.js';
import { discardImportTarget } from './import-target.js';

/** Leased by a running import; a worker runs it only when that import did not finish. */
export const IMPORT_GUARD_JOB = 'tenant.import_guard';

/**
 * Undoes an import whose process died (or failed) half-way: a tenant still `provisioning` at
 * step `import` never served a request, so its registry row, storage and rows all go, and the id
 * is free for a retry. A finished import (now `active`) is left alone.
 */
export function interruptedImportJob(tenancy: Tenancy) {
  return async (job: Job) => {
    if (!job.tenantId || !isTenantId(job.tenantId)) throw new PermanentJobError('job has no valid tenant');
    const tenant = await tenancy.registry.load(job.tenantId);
    if (!tenant || tenant.status !== 'provisioning' || tenant.provisioning_step !== 'import') {
      return { skipped: tenant?.status ?? 'gone' };
    }
    await discardImportTarget(tenancy, tenant);
    return { discarded: tenant.id };
  };
}
