import { sql } from 'kysely';
import type { TenantScope } from '../../tenancy/tenant-scope.js';
import { type ChainedEntry, GENESIS_HASH, hashAuditEntry } from './audit-hash.js';

/** The first place the trail stops proving itself, and what most likely happened there. */
export interface ChainBreak {
  kind: 'edited' | 'deleted' | 'reordered';
  /** Where the walk found it: the seq expected at that point of the chain. */
  seq: string;
  /** The entry found there; null when the entry itself is missing. */
  id: string | null;
  message: string;
}

export interface ChainReport {
  ok: boolean;
  entries: number;
  /** Entries from before the chain existed that no write has sealed yet (only ever the whole trail). */
  unsealed: number;
  /**
   * Committed entries waiting for the sealer (no seq yet), not counted in `entries`: an edit or
   * deletion of one of them cannot be detected until it is sealed.
   */
  pending: number;
  /** When the oldest pending entry was written: how far behind the sealer is. */
  oldestPendingAt: Date | null;
  /** The last entry that verified: record it elsewhere to detect a later truncation, which a chain alone cannot. */
  head: { seq: string; hash: string | null } | null;
  broken: ChainBreak | null;
}

type StoredEntry = ChainedEntry & { prev_hash: string | null; hash: string | null };

/** How far away to look for the position an entry's hash was made for, to tell a move from an edit. */
const MOVE_WINDOW = 1000n;

function hashedPosition(row: StoredEntry, around: bigint): bigint | undefined {
  const from = around > MOVE_WINDOW ? around - MOVE_WINDOW : 1n;
  for (let seq = from; seq <= around + MOVE_WINDOW; seq++) {
    if (seq === BigInt(row.seq)) continue;
    if (hashAuditEntry(row.prev_hash ?? '', { ...row, seq: seq.toString() }) === row.hash) return seq;
  }
  return undefined;
}

function check(row: StoredEntry, expected: bigint, previous: StoredEntry | undefined): ChainBreak | null {
  const seq = BigInt(row.seq);
  const at = (kind: ChainBreak['kind'], message: string): ChainBreak => ({
    kind,
    seq: expected.toString(),
    id: row.id,
    message,
  });
  if (seq > expected) {
    const range = seq - 1n > expected ? `entries #${expected}-#${seq - 1n} are` : `entry #${expected} is`;
    return { kind: 'deleted', seq: expected.toString(), id: null, message: `${range} missing` };
  }
  if (seq < expected) return at('reordered', `entry #${seq} appears twice or out of order (${row.id})`);
  if (row.hash === null) return at('edited', `entry #${seq} has lost its hash`);
  if (hashAuditEntry(row.prev_hash ?? '', row) !== row.hash) {
    const madeFor = hashedPosition(row, expected);
    if (madeFor !== undefined)
      return at('reordered', `entry #${seq} carries the hash made for position #${madeFor}`);
    return at('edited', `entry #${seq} does not match its hash`);
  }
  const previousHash = previous ? previous.hash : GENESIS_HASH;
  if (row.prev_hash !== previousHash) {
    return previous && row.created_at < previous.created_at
      ? at('reordered', `entry #${seq} does not link to entry #${seq - 1n} and is older than it`)
      : at(
          'deleted',
          `entry #${seq} does not link to ${previous ? `entry #${seq - 1n}` : 'the start of the trail'}: an entry before it was removed or rewritten`,
        );
  }
  return null;
}

/**
 * Walks one tenant's chained trail in seq order, a batch at a time, and reports the first broken
 * link: an entry that does not match its own hash (edited), a gap or a link to a vanished hash
 * (deleted), or an entry out of its place (reordered); then counts the unsealed tail. Read-only.
 * Sealing only appends after the head, so a walk that runs beside the sealer stays consistent.
 */
export async function verifyAuditChain(
  scope: TenantScope,
  options: { batchSize?: number } = {},
): Promise<ChainReport> {
  const batchSize = options.batchSize ?? 1000;
  let expected = 1n;
  let previous: StoredEntry | undefined;
  let entries = 0;
  let unsealed = 0;
  // One statement, so one snapshot: the sealed head and the pending tail as they stood together.
  // The walk stops at that head; an entry sealed meanwhile gets a later seq and stays counted once,
  // as pending, however far the sealer gets while the walk runs.
  const tail = await scope.db
    .selectFrom('audit_log')
    .select((eb) => [
      eb.fn.countAll<string>().filterWhere('seq', 'is', null).as('pending'),
      eb.fn.min('created_at').filterWhere('seq', 'is', null).as('oldest'),
      eb.fn.max('seq').as('head'),
    ])
    .where('tenant_id', '=', scope.tenantId)
    .executeTakeFirstOrThrow();
  const report = (broken: ChainBreak | null): ChainReport => ({
    ok: broken === null,
    entries,
    unsealed,
    pending: Number(tail.pending),
    oldestPendingAt: tail.oldest ?? null,
    head: previous ? { seq: previous.seq, hash: previous.hash } : null,
    broken,
  });
  if (tail.head === null) return report(null);
  for (;;) {
    let query = scope.db
      .selectFrom('audit_log')
      .selectAll()
      .where('tenant_id', '=', scope.tenantId)
      .where('seq', '<=', tail.head)
      .orderBy('seq')
      .orderBy('id')
      .limit(batchSize);
    // Keyset on (seq, id), not seq alone, so a duplicated seq is read and reported rather than skipped.
    if (previous)
      query = query.where(sql<boolean>`(seq, id) > (${previous.seq}::bigint, ${previous.id}::uuid)`);
    const rows = (await query.execute()) as StoredEntry[];
    for (const row of rows) {
      // Entries from before the chain are accepted only while no entry of the trail is sealed.
      const legacy = row.hash === null && row.prev_hash === null && unsealed === entries;
      if (legacy && BigInt(row.seq) === expected) {
        unsealed += 1;
      } else {
        if (unsealed > 0 && row.hash !== null) {
          return report({
            kind: 'edited',
            seq: row.seq,
            id: row.id,
            message: `entry #${row.seq} is sealed but the ${unsealed} before it are not: their hashes were removed`,
          });
        }
        const broken = check(row, expected, previous);
        if (broken) return report(broken);
      }
      entries += 1;
      expected += 1n;
      previous = row;
    }
    if (rows.length < batchSize) return report(null);
  }
}
