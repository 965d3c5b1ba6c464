import { v7 as uuidv7 } from 'uuid';
import { requestContext } from '../../tenancy/tenant-context.js';
import type { TenantScope } from '../../tenancy/tenant-scope.js';
import { type ChainedEntry, hashAuditEntry } from './audit-hash.js';
import { lockAuditChain } from './lock-audit-chain.js';

export interface AuditEntry {
  action: string;
  targetType: string;
  targetId: string | null;
  before?: unknown;
  after?: unknown;
}

const toJsonb = (value: unknown): string | null => (value === undefined ? null : JSON.stringify(value));

/**
 * Writes one entry of the tenant's own audit trail in the same transaction as the change it
 * describes, so a change and its record commit or vanish together. Each entry is chained to the
 * one before it by hash (see audit-hash.ts), which makes edits and deletions detectable.
 */
export async function recordAudit(scope: TenantScope, entry: AuditEntry): Promise<void> {
  const context = requestContext.current();
  const head = await lockAuditChain(scope);
  // Stamped after the lock, so time order follows chain order within one server clock.
  const chained: ChainedEntry = {
    seq: (head.seq + 1n).toString(),
    id: uuidv7(),
    created_at: new Date(),
    actor_type: context?.actorType ?? 'system',
    actor_id: context?.actorId ?? null,
    action: entry.action,
    target_type: entry.targetType,
    target_id: entry.targetId,
    request_id: context?.requestId ?? null,
    before: entry.before,
    after: entry.after,
  };
  await scope.db
    .insertInto('audit_log')
    .values({
      ...chained,
      tenant_id: scope.tenantId,
      before: toJsonb(entry.before),
      after: toJsonb(entry.after),
      prev_hash: head.hash,
      hash: hashAuditEntry(head.hash, chained),
    })
    .execute();
}
