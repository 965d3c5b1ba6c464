import { sql } from 'kysely';
import { AppError, validationFailed } from '../../errors.js';
import { JobQueue } from '../../jobs/job-queue.js';
import { DEFAULT_TENANT } from '../../platform/bootstrap-platform.js';
import type { TenantRecord } from '../../tenancy/registry/tenant-record.js';
import type { Tenancy } from '../../tenancy/tenancy.js';
import { parseTenantId } from '../../tenancy/tenant-id.js';
import { recordPlatformAudit } from '../audit/record-platform-audit.js';

export const DELETE_JOB = 'tenant.delete';

/** Statuses a deletion may start from. `provisioning` is not one: its job would rebuild the storage. */
const DELETABLE = ['active', 'suspended', 'failed'] as const;

/** `default` goes only while another tenant lives on: an install is never left without one. */
async function assertNotLastDefault(tenancy: Tenancy): Promise<void> {
  const other = await tenancy.platformDb
    .selectFrom('platform.tenants')
    .select('id')
    .where('id', '<>', DEFAULT_TENANT)
    .where('status', 'not in', ['deleting', 'deleted'])
    .limit(1)
    .executeTakeFirst();
  if (!other) throw new AppError('CONFLICT', 'The default tenant is the last tenant and cannot be deleted');
}

/**
 * Marks the tenant `deleting` and queues the job that erases it, in one transaction, so the
 * tenant stops serving at once (every tenant request sees TENANT_NOT_FOUND) and the erasure is
 * never lost. Asking again while it runs answers the same `deleting` tenant.
 */
export async function deleteTenant(
  tenancy: Tenancy,
  rawId: string,
  confirm: string | undefined,
): Promise<TenantRecord> {
  const id = parseTenantId(rawId, 'id');
  if (confirm !== id)
    throw validationFailed('confirm', 'repeat the tenant id as ?confirm= to delete the tenant');
  const tenant = await tenancy.registry.load(id);
  if (!tenant || tenant.status === 'deleted') throw new AppError('TENANT_NOT_FOUND', 'No such tenant');
  if (tenant.status === 'deleting') return tenant;
  if (id === DEFAULT_TENANT) await assertNotLastDefault(tenancy);
  // An import that died half-way leaves a tenant `provisioning` at step `import` with no job to finish it.
  const statuses: string[] =
    tenant.provisioning_step === 'import' ? [...DELETABLE, 'provisioning'] : [...DELETABLE];
  const started = await tenancy.platformDb.transaction().execute(async (trx) => {
    const updated = await trx
      .updateTable('platform.tenants')
      .set({
        status: 'deleting',
        provisioning_step: 'queued',
        provisioning_error: null,
        updated_at: sql<Date>`now()`,
      })
      .where('id', '=', id)
      .where('status', 'in', statuses)
      .returning('id')
      .executeTakeFirst();
    if (!updated) return false;
    await new JobQueue(trx).enqueue(DELETE_JOB, {}, { tenantId: id, maxAttempts: 10 });
    await recordPlatformAudit(trx, {
      action: 'tenant.delete_requested',
      targetType: 'tenant',
      targetId: id,
      tenantId: id,
      details: { isolation: tenant.isolation, previous_status: tenant.status },
    });
    return true;
  });
  tenancy.registry.invalidate(id);
  const current = (await tenancy.registry.load(id))!;
  if (!started && current.status !== 'deleting') {
    throw new AppError(
      'CONFLICT',
      `Cannot delete a tenant that is ${current.status}; wait until it is active or failed`,
    );
  }
  return current;
}
