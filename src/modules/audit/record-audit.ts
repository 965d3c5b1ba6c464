import { v7 as uuidv7 } from 'uuid';
import { requestContext } from '../../tenancy/tenant-context.js';
import type { TenantScope } from '../../tenancy/tenant-scope.js';

export interface AuditEntry {
  action: string;
  targetType: string;
  targetId: string | null;
  before?: unknown;
  after?: unknown;
}

/**
 * Writes one entry of the tenant's own audit trail in the same transaction as the change it
 * describes, so a change and its record commit or vanish together.
 */
export async function recordAudit(scope: TenantScope, entry: AuditEntry): Promise<void> {
  const context = requestContext.current();
  await scope.db
    .insertInto('audit_log')
    .values({
      tenant_id: scope.tenantId,
      id: uuidv7(),
      actor_type: context?.actorType ?? 'system',
      actor_id: context?.actorId ?? null,
      action: entry.action,
      target_type: entry.targetType,
      target_id: entry.targetId,
      request_id: context?.requestId ?? null,
      before: entry.before === undefined ? null : JSON.stringify(entry.before),
      after: entry.after === undefined ? null : JSON.stringify(entry.after),
      created_at: new Date(),
    })
    .execute();
}
