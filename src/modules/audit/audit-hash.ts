import { createHash } from 'node:crypto';

/** The prev_hash of a tenant's first entry. */
export const GENESIS_HASH = '0'.repeat(64);

/** The stored fields of one entry that its hash covers. */
export interface ChainedEntry {
  seq: string;
  id: string;
  created_at: Date;
  actor_type: string;
  actor_id: string | null;
  action: string;
  target_type: string;
  target_id: string | null;
  request_id: string | null;
  before: unknown;
  after: unknown;
}

function writeCanonical(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(writeCanonical).join(',')}]`;
  const object = value as Record<string, unknown>;
  const members = Object.keys(object)
    .sort()
    .map((key) => `${JSON.stringify(key)}:${writeCanonical(object[key])}`);
  return `{${members.join(',')}}`;
}

/**
 * JSON with the keys of every object sorted by UTF-16 code units and no whitespace (as RFC 8785).
 * The value first takes its JSON form (dates become strings, undefined members vanish), which is
 * what jsonb hands back, so a value hashes the same before it is stored and after it is read.
 */
export function canonicalJson(value: unknown): string {
  return writeCanonical(JSON.parse(JSON.stringify(value) ?? 'null'));
}

/**
 * hash = hex(sha256(prev_hash || canonicalJson({v: 1, seq, id, created_at, actor_type, actor_id,
 * action, target_type, target_id, request_id, before, after}))), where seq is a decimal string,
 * created_at an ISO-8601 UTC string with milliseconds and before/after their JSON values (null
 * when absent). tenant_id, schema and database names are left out on purpose: the same trail
 * verifies in every isolation model and after an export is imported under another tenant id.
 */
export function hashAuditEntry(prevHash: string, entry: ChainedEntry): string {
  const body = canonicalJson({
    v: 1,
    seq: entry.seq,
    id: entry.id,
    created_at: entry.created_at.toISOString(),
    actor_type: entry.actor_type,
    actor_id: entry.actor_id,
    action: entry.action,
    target_type: entry.target_type,
    target_id: entry.target_id,
    request_id: entry.request_id,
    before: entry.before ?? null,
    after: entry.after ?? null,
  });
  return createHash('sha256').update(prevHash).update(body).digest('hex');
}
