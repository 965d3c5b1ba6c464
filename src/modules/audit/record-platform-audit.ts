import type { Kysely } from 'kysely';
import type { PlatformDatabase } from '../../db/platform-database.js';
import { requestContext } from '../../tenancy/tenant-context.js';

export interface PlatformAuditEntry {
  action: string;
  targetType: string;
  targetId: string | null;
  tenantId?: string | null;
  details?: unknown;
}

/** Records a control-plane action (tenant created, suspended, deleted...) in the platform audit. */
export async function recordPlatformAudit(
  db: Kysely<PlatformDatabase>,
  entry: PlatformAuditEntry,
): Promise<void> {
  const context = requestContext.current();
  await db
    .insertInto('platform.platform_audit')
    .values({
      actor_type: context?.actorType ?? 'system',
      actor_id: context?.actorId ?? null,
      action: entry.action,
      target_type: entry.targetType,
      target_id: entry.targetId,
      tenant_id: entry.tenantId ?? null,
      request_id: context?.requestId ?? null,
      details: entry.details === undefined ? null : JSON.stringify(entry.details),
    })
    .execute();
}
