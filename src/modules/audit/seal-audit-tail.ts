import { CompiledQuery } from 'kysely';
import { quoteIdent } from '../../db/sql-identifier.js';
import type { TenantScope } from '../../tenancy/tenant-scope.js';
import { textPerSchema } from '../../tenancy/text-per-schema.js';
import { type ChainBody, chainBody, GENESIS_HASH, hashChainBody } from './audit-hash.js';
import { takeCommitted } from './committed-audit.js';
import { type ChainHead, sealLegacyAudit } from './seal-legacy-audit.js';

/** Unsealed entries chained per UPDATE; a longer tail takes several in the same pass. */
const BATCH = 1000;

interface Statements {
  tail: string;
  rows: string;
  seal: string;
}

/**
 * The pass's three statements per storage schema, written once: a busy tenant runs a pass every
 * few milliseconds, and the statements differ only in their parameters.
 *  - tail: the ids of the oldest unsealed entries (an index-only walk of audit_log_unsealed_idx),
 *    each with the chain's head and whether this transaction holds the tenant's chain lock, in one
 *    round trip. The lock is tried, never waited for; it only spares concurrent sealers wasted
 *    work: the unique (tenant_id, seq) index is what refuses a fork. The two-key form keeps these
 *    locks apart from the single-key ones (migrations) on one server.
 *  - rows: the hashed fields of entries this process did not write (or no longer remembers).
 *  - seal: gives every entry of the batch its seq, prev_hash and hash in one UPDATE.
 */
const statementsFor = textPerSchema((schema): Statements => {
  const table = `${quoteIdent(schema)}.${quoteIdent('audit_log')}`;
  return {
    tail: `select entry.id, head.seq as head_seq, head.hash as head_hash,
        pg_try_advisory_xact_lock(hashtext('tenantbase:audit'), hashtext($1)) as locked
      from ${table} as entry
      left join lateral (
        select seq, hash from ${table} where tenant_id = $1 and seq is not null order by seq desc limit 1
      ) as head on true
      where entry.tenant_id = $1 and entry.seq is null
      order by entry.created_at, entry.id
      limit ${BATCH}`,
    rows: `select id, created_at, actor_type, actor_id, action, target_type, target_id, request_id, before, after
      from ${table} where tenant_id = $1 and id = any($2::uuid[]) and seq is null`,
    seal: `update ${table} as entry
      set seq = sealed.seq, prev_hash = sealed.prev_hash, hash = sealed.hash, sealed_at = clock_timestamp()
      from (select unnest($2::uuid[]) as id, unnest($3::bigint[]) as seq,
                   unnest($4::text[]) as prev_hash, unnest($5::text[]) as hash) as sealed
      where entry.tenant_id = $1 and entry.id = sealed.id and entry.seq is null`,
  };
});

interface TailRow {
  id: string;
  head_seq: string | null;
  head_hash: string | null;
  locked: boolean;
}

interface StoredRow {
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

/** The bodies of the batch's entries: remembered from this process's writers, else read once. */
async function bodiesOf(scope: TenantScope, sql: Statements, ids: string[]): Promise<ChainBody[]> {
  const bodies = ids.map((id) => takeCommitted(scope.tenantId, id));
  const missing = ids.filter((_, i) => bodies[i] === undefined);
  if (missing.length > 0) {
    const { rows } = await scope.db.executeQuery<StoredRow>(
      CompiledQuery.raw(sql.rows, [scope.tenantId, missing]),
    );
    const read = new Map(rows.map((row) => [row.id, chainBody(row, true)]));
    ids.forEach((id, i) => {
      bodies[i] ??= read.get(id);
    });
  }
  return bodies.map((body, i) => {
    if (!body) throw new Error(`audit entry ${ids[i]} vanished while it was being sealed`);
    return body;
  });
}

/**
 * Chains the tenant's committed, unsealed entries after the head, oldest first, in the scope's
 * own short transaction (three round trips for up to BATCH entries, four when some were written by
 * another process), never inside a writer's. Each read takes a fresh snapshot, so the pass ends
 * having seen every entry committed before its last read. Returns how many entries it sealed, or
 * null when another sealer holds the chain.
 */
export async function sealAuditTail(scope: TenantScope): Promise<number | null> {
  const sql = statementsFor(scope.schema);
  let sealed = 0;
  for (;;) {
    const { rows } = await scope.db.executeQuery<TailRow>(CompiledQuery.raw(sql.tail, [scope.tenantId]));
    if (rows.length === 0) return sealed;
    if (!rows[0]!.locked) return null;
    const first = rows[0]!;
    let head: ChainHead =
      first.head_seq === null
        ? { seq: 0n, hash: GENESIS_HASH }
        : first.head_hash === null
          ? await sealLegacyAudit(scope)
          : { seq: BigInt(first.head_seq), hash: first.head_hash };
    const ids = rows.map((row) => row.id);
    const bodies = await bodiesOf(scope, sql, ids);
    const seqs: string[] = [];
    const prevHashes: string[] = [];
    const hashes: string[] = [];
    for (const body of bodies) {
      const seq = (head.seq + 1n).toString();
      const hash = hashChainBody(head.hash, body, seq);
      seqs.push(seq);
      prevHashes.push(head.hash);
      hashes.push(hash);
      head = { seq: head.seq + 1n, hash };
    }
    const result = await scope.db.executeQuery(
      CompiledQuery.raw(sql.seal, [scope.tenantId, ids, seqs, prevHashes, hashes]),
    );
    // Every entry read is still unsealed under the lock; anything else rolls the pass back.
    if (result.numAffectedRows !== BigInt(ids.length))
      throw new Error(`sealed ${result.numAffectedRows} of ${ids.length} audit entries; the pass is undone`);
    sealed += rows.length;
    if (rows.length < BATCH) return sealed;
  }
}
