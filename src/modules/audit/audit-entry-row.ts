import type { Selectable } from 'kysely';
import type { TenantDatabase } from '../../tenancy/tenant-database.js';
import { type ActorDirectory, actorOf } from './audit-actors.js';
import type { AuditEntry } from './audit.schema.js';

export type AuditEntryRow = Selectable<TenantDatabase['audit_log']>;

export const AUDIT_COLUMNS = [
  'id',
  'seq',
  'actor_type',
  'actor_id',
  'action',
  'target_type',
  'target_id',
  'request_id',
  'before',
  'after',
  'created_at',
  'hash',
] as const;

/**
 * The API shape of a stored entry; prev_hash is left out, it is the previous entry's hash. seq and
 * hash are null while the entry waits in the unsealed tail.
 */
export function toAuditEntry(
  row: Pick<AuditEntryRow, (typeof AUDIT_COLUMNS)[number]>,
  people: ActorDirectory = {},
): AuditEntry {
  const actor = actorOf(row, people);
  return {
    id: row.id,
    seq: row.seq === null ? null : Number(row.seq),
    actor_type: row.actor_type,
    actor_id: row.actor_id,
    actor_email: actor.email,
    actor_name: actor.name,
    action: row.action,
    target_type: row.target_type,
    target_id: row.target_id,
    request_id: row.request_id,
    before: row.before,
    after: row.after,
    created_at: row.created_at.toISOString(),
    hash: row.hash,
  };
}
