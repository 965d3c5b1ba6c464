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

/**
 * Written with plain loops and no closure made per call: it runs for every audited write, and
 * under tsx (how the server runs) each closure is also named at creation, which cost more than
 * the writing itself.
 */
function writeCanonical(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) {
    let out = '[';
    for (let i = 0; i < value.length; i++) out += (i === 0 ? '' : ',') + writeCanonical(value[i]);
    return `${out}]`;
  }
  const object = value as Record<string, unknown>;
  const keys = Object.keys(object).sort();
  let out = '{';
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i]!;
    out += `${i === 0 ? '' : ','}${JSON.stringify(key)}:${writeCanonical(object[key])}`;
  }
  return `${out}}`;
}

/**
 * JSON with the keys of every object sorted by UTF-16 code units and no whitespace (as RFC 8785).
 * The value first takes its JSON form (dates become strings, undefined members vanish), which is
 * what jsonb hands back, so a value hashes the same before it is stored and after it is read.
 */
export function canonicalJson(value: unknown): string {
  return writeCanonical(JSON.parse(JSON.stringify(value) ?? 'null'));
}

/** An entry's canonical body around its seq: `head + JSON.stringify(seq) + tail` (see hashAuditEntry). */
export interface ChainBody {
  head: string;
  tail: string;
}

const canonicalMember = (value: unknown, plainJson: boolean): string =>
  plainJson ? writeCanonical(value ?? null) : canonicalJson(value ?? null);

/**
 * The canonical body of an entry without its seq, split where the seq goes, so that whoever seals
 * the entry hashes it for any position without canonicalising it again. The members are written
 * in the sorted key order canonicalJson would give the whole body (action … request_id, seq,
 * target_id, target_type, v). `plainJson`: before/after are already plain JSON values (parsed
 * from jsonb or from their own JSON text), so their JSON round trip is skipped.
 */
export function chainBody(entry: Omit<ChainedEntry, 'seq'>, plainJson = false): ChainBody {
  const head =
    `{"action":${JSON.stringify(entry.action)}` +
    `,"actor_id":${JSON.stringify(entry.actor_id)}` +
    `,"actor_type":${JSON.stringify(entry.actor_type)}` +
    `,"after":${canonicalMember(entry.after, plainJson)}` +
    `,"before":${canonicalMember(entry.before, plainJson)}` +
    `,"created_at":${JSON.stringify(entry.created_at.toISOString())}` +
    `,"id":${JSON.stringify(entry.id)}` +
    `,"request_id":${JSON.stringify(entry.request_id)}` +
    ',"seq":';
  const tail =
    `,"target_id":${JSON.stringify(entry.target_id)}` +
    `,"target_type":${JSON.stringify(entry.target_type)}` +
    ',"v":1}';
  return { head, tail };
}

/** The hash of an entry whose body is `body`, chained at `seq` after `prevHash`. */
export function hashChainBody(prevHash: string, body: ChainBody, seq: string): string {
  return createHash('sha256')
    .update(prevHash)
    .update(body.head)
    .update(JSON.stringify(seq))
    .update(body.tail)
    .digest('hex');
}

/**
 * hash = hex(sha256(prev_hash || canonicalJson({v: 1, seq, id, created_at, actor_type, actor_id,
 * action, target_type, target_id, request_id, before, after}))), where seq is a decimal string,
 * created_at an ISO-8601 UTC string with milliseconds and before/after their JSON values (null
 * when absent). tenant_id, schema and database names are left out on purpose: the same trail
 * verifies in every isolation model and after an export is imported under another tenant id.
 * `plainJson` as for chainBody (entries read from the database).
 */
export function hashAuditEntry(prevHash: string, entry: ChainedEntry, plainJson = false): string {
  return hashChainBody(prevHash, chainBody(entry, plainJson), entry.seq);
}
