import { type Kysely, sql } from 'kysely';
import type { PlatformDatabase } from '../../db/platform-database.js';
import { AppError } from '../../errors.js';
import type { TenantRecord, TenantStatus } from '../../tenancy/registry/tenant-record.js';
import type { Tenancy } from '../../tenancy/tenancy.js';
import { parseTenantId, type TenantId } from '../../tenancy/tenant-id.js';
import { recordPlatformAudit } from '../audit/record-platform-audit.js';

const TRANSITIONS = {
  suspend: { from: 'active', to: 'suspended' },
  resume: { from: 'suspended', to: 'active' },
} as const;

/** The lifecycle's status actions; POST /suspend and /resume and PATCH `status` are the same ones. */
export type StatusAction = keyof typeof TRANSITIONS;

/** The action that leads to `wanted`, the status a caller may ask for (PATCH `status`). */
export function actionTo(wanted: 'active' | 'suspended'): StatusAction {
  return wanted === 'suspended' ? 'suspend' : 'resume';
}

const conflict = (action: StatusAction, current: TenantStatus) =>
  new AppError('CONFLICT', `Cannot ${action} a tenant that is ${current}`);

/**
 * Whether `action` changes a tenant that is `current`: false when it is there already (nothing
 * to do, nothing audited); a status the lifecycle does not lead from is a CONFLICT.
 */
export function statusChanges(action: StatusAction, current: TenantStatus): boolean {
  const { from, to } = TRANSITIONS[action];
  if (current === from) return true;
  if (current === to) return false;
  throw conflict(action, current);
}

/** The platform audit entry of a status change, in the caller's transaction when it has one. */
export function recordStatusChange(
  db: Kysely<PlatformDatabase>,
  id: TenantId,
  action: StatusAction,
): Promise<void> {
  return recordPlatformAudit(db, {
    action: `tenant.${action}`,
    targetType: 'tenant',
    targetId: id,
    tenantId: id,
  });
}

/**
 * Suspends or resumes a tenant. The status changes only from the expected one (a single
 * conditional update), so concurrent calls cannot resurrect a tenant being deleted.
 */
export async function changeTenantStatus(
  tenancy: Tenancy,
  rawId: string,
  action: StatusAction,
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
  if (!updated && tenant.status !== to) throw conflict(action, tenant.status);
  if (updated) await recordStatusChange(tenancy.platformDb, id, action);
  return tenant;
}
