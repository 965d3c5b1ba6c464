import { sql } from 'kysely';
import { AppError } from '../../errors.js';
import type { TenantRecord } from '../../tenancy/registry/tenant-record.js';
import type { Tenancy } from '../../tenancy/tenancy.js';
import { parseTenantId } from '../../tenancy/tenant-id.js';
import { recordPlatformAudit } from '../audit/record-platform-audit.js';

const TRANSITIONS = {
  suspend: { from: 'active', to: 'suspended' },
  resume: { from: 'suspended', to: 'active' },
} as const;

/**
 * Suspends or resumes a tenant. The status changes only from the expected one (a single
 * conditional update), so concurrent calls cannot resurrect a tenant being deleted.
 */
export async function changeTenantStatus(
  tenancy: Tenancy,
  rawId: string,
  action: keyof typeof TRANSITIONS,
): Promise<TenantRecord> {
  const id = parseTenantId(rawId, 'id');
  const { from, to } = TRANSITIONS[action];
  const updated = await tenancy.platformDb
    .updateTable('platform.tenants')
    .set({ status: to, updated_at: sql<Date>`now()` })
    .where('id', '=', id)
    .where('status', '=', from)
    .returning('id')
    .executeTakeFirst();
  tenancy.registry.invalidate(id);
  const tenant = await tenancy.registry.load(id);
  if (!tenant || tenant.status === 'deleted') throw new AppError('TENANT_NOT_FOUND', 'No such tenant');
  if (!updated && tenant.status !== to) {
    throw new AppError('CONFLICT', `Cannot ${action} a tenant that is ${tenant.status}`);
  }
  if (updated) {
    await recordPlatformAudit(tenancy.platformDb, {
      action: `tenant.${action}`,
      targetType: 'tenant',
      targetId: id,
      tenantId: id,
    });
  }
  return tenant;
}
