import { openVerdict } from '../../tenancy/open-tenant.js';
import type { Job, JobQueue } from '../../jobs/job-queue.js';
import { PermanentJobError } from '../../jobs/job-worker.js';
import type { MailQueue } from '../../mail/mail-queue.js';
import type { Tenancy } from '../../tenancy/tenancy.js';
import { isTenantId } from '../../tenancy/tenant-id.js';
import { requestAdminPasswordReset } from './request-admin-password-reset.js';
import { requestPasswordReset } from './request-password-reset.js';

/** Looks up the account of a forgot-password request and, if there is one, mails the link. */
export const PASSWORD_RESET_JOB = 'users.password_reset';

/**
 * What `POST /auth/forgot-password` does for every email, known or not: one insert into the job
 * queue. The answer therefore takes the same path whether the account exists, and a burst of
 * anonymous requests waits in the queue instead of holding the request pool's connections.
 */
export async function enqueuePasswordReset(
  queue: JobQueue,
  tenantId: string | null,
  email: string,
): Promise<void> {
  await queue.enqueue(PASSWORD_RESET_JOB, { email }, { tenantId, maxAttempts: 5 });
}

/** Runs a queued forgot-password request in the tenant named by the job, or for an administrator. */
export function passwordResetJob(tenancy: Tenancy, mail: MailQueue) {
  return async (job: Job) => {
    const email = job.payload.email;
    if (typeof email !== 'string') throw new PermanentJobError('password reset job without an email');
    if (job.tenantId === null) {
      await requestAdminPasswordReset(tenancy.platformDb, email, mail);
      return { checked: true };
    }
    if (!isTenantId(job.tenantId)) throw new PermanentJobError('job has no valid tenant');
    const tenant = await tenancy.registry.load(job.tenantId);
    // The mail carries an account token: suspended or deleted since the request, it would not open.
    if (!tenant || openVerdict('account_token', tenant) !== 'open') return { skipped: 'tenant not active' };
    await tenancy.withTenant(tenant, (scope) => requestPasswordReset(scope, email, mail));
    return { checked: true };
  };
}
