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

/** The scope signal after whose commit the tenant's unsealed tail is sealed (audit-sealer.ts). */
export const AUDIT_APPENDED = 'audit:appended';

const toJsonb = (value: unknown): string | null => (value === undefined ? null : JSON.stringify(value));

/**
 * Writes one entry of the tenant's own audit trail in the same transaction as the change it
 * describes, so a change and its record commit or vanish together. The entry joins the unsealed
 * tail: no chain lock is taken, so a tenant's writers never wait for each other here; the sealer
 * gives it its place and hash once the transaction committed (see seal-audit-tail.ts).
 */
export async function recordAudit(scope: TenantScope, entry: AuditEntry): Promise<void> {
  const context = requestContext.current();
  await scope.db
    .insertInto('audit_log')
    .values({
      tenant_id: scope.tenantId,
      id: uuidv7(),
      created_at: new Date(),
      actor_type: context?.actorType ?? 'system',
      actor_id: context?.actorId ?? null,
      action: entry.action,
      target_type: entry.targetType,
      target_id: entry.targetId,
      request_id: context?.requestId ?? null,
      before: toJsonb(entry.before),
      after: toJsonb(entry.after),
    })
    .execute();
  scope.signal(AUDIT_APPENDED);
}
