import { openTenant } from '../tenancy/open-tenant.js';
import type { Tenancy } from '../tenancy/tenancy.js';
import { isTenantId } from '../tenancy/tenant-id.js';
import type { TenantScope } from '../tenancy/tenant-scope.js';
import type { Job } from './job-queue.js';
import { PermanentJobError } from './job-worker.js';

/**
 * Opens a scope in the storage of the tenant the job carries, and no other, under the `job`
 * policy: handlers never pick a tenant themselves, exactly like routes.
 */
export async function inJobTenant<T>(
  tenancy: Tenancy,
  job: Job,
  work: (scope: TenantScope) => Promise<T>,
): Promise<T> {
  if (!job.tenantId || !isTenantId(job.tenantId))
    throw new PermanentJobError(`job ${job.id} carries no tenant`);
  const tenant = await openTenant(tenancy.registry, job.tenantId, 'job', {
    refuse: (_refusal, found) =>
      new PermanentJobError(`tenant of job ${job.id} is ${found?.status ?? 'gone'}`),
  });
  return tenancy.withTenant(tenant, work);
}
