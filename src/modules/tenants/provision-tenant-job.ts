import { AppError } from '../../errors.js';
import type { Job, JobQueue } from '../../jobs/job-queue.js';
import type { MailQueue } from '../../mail/mail-queue.js';
import { PermanentJobError } from '../../jobs/job-worker.js';
import type { Tenancy } from '../../tenancy/tenancy.js';
import { isTenantId } from '../../tenancy/tenant-id.js';
import type { FirstOwner } from '../identity/seed-tenant-identity.js';
import { provisionTenant } from './provision-tenant.js';

export const PROVISION_JOB = 'tenant.provision';

/** Queues the provisioning of a registered tenant; the first owner travels with the job. */
export function enqueueProvisioning(queue: JobQueue, tenantId: string, owner: FirstOwner): Promise<string> {
  return queue.enqueue(
    PROVISION_JOB,
    {
      owner_email: owner.email,
      owner_password_hash: owner.passwordHash,
      ...(owner.emailVerified ? { owner_email_verified: true } : {}),
    },
    { tenantId },
  );
}

/**
 * Runs (or resumes) provisioning. Every step is idempotent, so a job re-claimed after a crash
 * simply completes; a failing step leaves the tenant `failed` with its reason and stops, and
 * `POST /tenants/{id}/retry` queues it again.
 */
export function provisionTenantJob(tenancy: Tenancy, mail?: MailQueue) {
  return async (job: Job) => {
    if (!job.tenantId || !isTenantId(job.tenantId)) throw new PermanentJobError('job has no valid tenant');
    const tenant = await tenancy.registry.load(job.tenantId);
    if (!tenant) throw new PermanentJobError('tenant is gone');
    if (tenant.status === 'active') return { skipped: 'already active' };
    if (tenant.status !== 'provisioning' && tenant.status !== 'failed') {
      throw new PermanentJobError(`tenant is ${tenant.status}`);
    }
    const owner: FirstOwner = {
      email: String(job.payload.owner_email ?? ''),
      passwordHash:
        typeof job.payload.owner_password_hash === 'string' ? job.payload.owner_password_hash : null,
      emailVerified: job.payload.owner_email_verified === true,
    };
    try {
      await provisionTenant(tenancy, tenant, owner, mail);
    } catch (error) {
      throw new PermanentJobError(error instanceof Error ? error.message : String(error));
    }
    return { provisioned: tenant.id };
  };
}

/** Re-queues the latest provisioning job of a failed tenant (POST /tenants/{id}/retry). */
export async function retryProvisioning(tenancy: Tenancy, queue: JobQueue, tenantId: string): Promise<void> {
  const tenant = isTenantId(tenantId) ? await tenancy.registry.load(tenantId) : undefined;
  if (!tenant) throw new AppError('TENANT_NOT_FOUND', 'No such tenant');
  if (tenant.status !== 'failed')
    throw new AppError('CONFLICT', `Only a failed tenant can be retried; this one is ${tenant.status}`);
  const updated = await queue.db
    .updateTable('platform.jobs')
    .set({ status: 'queued', attempts: 0, run_at: new Date(), last_error: null, updated_at: new Date() })
    .where('id', '=', (eb) =>
      eb
        .selectFrom('platform.jobs')
        .select('id')
        .where('tenant_id', '=', tenant.id)
        .where('kind', '=', PROVISION_JOB)
        .orderBy('id', 'desc')
        .limit(1),
    )
    .where('status', 'in', ['failed', 'done'])
    .returning('id')
    .executeTakeFirst();
  if (!updated) throw new AppError('CONFLICT', 'Provisioning of this tenant is already queued');
  await tenancy.registry.setStatus(tenant.id, {
    status: 'provisioning',
    provisioning_step: 'queued',
    provisioning_error: null,
  });
  await queue.enqueue('noop.wake', {}).catch(() => undefined);
}
