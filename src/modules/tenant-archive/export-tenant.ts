import { v7 as uuidv7 } from 'uuid';
import { AppError } from '../../errors.js';
import { JobQueue } from '../../jobs/job-queue.js';
import type { Tenancy } from '../../tenancy/tenancy.js';
import { parseTenantId } from '../../tenancy/tenant-id.js';
import { requestContext } from '../../tenancy/tenant-context.js';
import { recordPlatformAudit } from '../audit/record-platform-audit.js';
import type { TenantExportRow } from './tenant-exports.table.js';

export const EXPORT_JOB = 'tenant.export';

/**
 * Starts an export of a tenant (202): the registry row and its job commit together, so an export
 * is never recorded without the job that completes it. The tenant keeps serving meanwhile; the
 * job reads one consistent snapshot of it.
 */
export async function exportTenant(tenancy: Tenancy, rawId: string): Promise<TenantExportRow> {
  const id = parseTenantId(rawId, 'id');
  const tenant = await tenancy.registry.load(id);
  if (!tenant || tenant.status === 'deleted' || tenant.status === 'deleting') {
    throw new AppError('TENANT_NOT_FOUND', 'No such tenant');
  }
  if (tenant.status !== 'active' && tenant.status !== 'suspended') {
    throw new AppError(
      'CONFLICT',
      `Only an active or suspended tenant can be exported; this one is ${tenant.status}`,
    );
  }
  const exportId = uuidv7();
  return tenancy.platformDb.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto('platform.tenant_exports')
      .values({
        id: exportId,
        tenant_id: id,
        status: 'running',
        file_name: null,
        size_bytes: null,
        sha256: null,
        tables: null,
        error: null,
        requested_by: requestContext.current()?.actorId ?? null,
        created_at: new Date(),
        completed_at: null,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await new JobQueue(trx).enqueue(EXPORT_JOB, { export_id: exportId }, { tenantId: id, maxAttempts: 3 });
    await recordPlatformAudit(trx, {
      action: 'tenant.export_requested',
      targetType: 'tenant',
      targetId: id,
      tenantId: id,
      details: { export_id: exportId },
    });
    return row;
  });
}
