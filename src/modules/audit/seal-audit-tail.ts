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
  head: string;
  rows: string;
  seal: string;
}

/**
 * The pass's statements per storage schema, written once: a busy tenant runs a pass every few
 * milliseconds, and the statements differ only in their parameters.
 *  - tail: the ids (and created_at, in ISO text to the microsecond: it compares exactly on any
 *    server, whatever its DateStyle) of the oldest unsealed entries
 *    (an index-only walk of audit_log_unsealed_idx), whether the entry where the caller's previous
 *    pass left the chain is still there (same seq, same hash), and whether this transaction holds
 *    the tenant's chain lock, in one round trip. The expected head is looked up by every column of
 *    every index that could serve it (tenant_id, created_at, id, seq), so whichever index the
 *    planner picks finds it in one probe, statistics or none. The chain's highest seq is not
 *    asked for here: that is planned from statistics, and a tenant's young or fast-growing
 *    audit_log has none that fit (a new tenant storage is not analysed until autovacuum visits
 *    it): PostgreSQL then walked every sealed entry on every pass (70–200 ms at 60,000 entries,
 *    measured), so the pass cost grew with the trail. Another sealer that moved the chain on
 *    since is caught by the unique (tenant_id, seq) index, which refuses the second entry at a
 *    position, and the pass is retried from the stored head.
 *    The lock is tried, never waited for; it only spares concurrent sealers wasted work: the
 *    unique index is what refuses a fork. The two-key form keeps these locks apart from the
 *    single-key ones (migrations) on one server.
 *  - head: the highest sealed entry, when no expected head was given or it is gone (a first pass
 *    in this process, a sweep, a replaced trail, a pass retried after the unique index refused
 *    it): one more round trip, not on every pass.
 *  - rows: the hashed fields of entries this process did not write (or no longer remembers).
 *  - seal: gives every entry of the batch its seq, prev_hash and hash in one UPDATE.
 */
const statementsFor = textPerSchema((schema): Statements => {
  const table = `${quoteIdent(schema)}.${quoteIdent('audit_log')}`;
  return {
    tail: `select entry.id,
        to_char(entry.created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as created_at,
        exists (
          select 1 from ${table} where tenant_id = $1 and created_at = $2::timestamptz and id = $3::uuid
            and seq = $4::bigint and hash = $5
        ) as at_head,
        pg_try_advisory_xact_lock(hashtext('tenantbase:audit'), hashtext($1)) as locked
      from ${table} as entry
      where entry.tenant_id = $1 and entry.seq is null
      order by entry.created_at, entry.id
      limit ${BATCH}`,
    head: `select seq, hash from ${table} where tenant_id = $1 and seq is not null order by seq desc limit 1`,
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
  created_at: string;
  at_head: boolean;
  locked: boolean;
}

/** A head the sealer can find again by its key: its entry's created_at (ISO, to the microsecond) and id. */
export interface SealedHead extends ChainHead {
  id: string;
  createdAt: string;
}

const GENESIS: ChainHead = { seq: 0n, hash: GENESIS_HASH };

/** What a pass did, and where the chain ends after it (for the next pass to expect). */
export interface SealOutcome {
  sealed: number;
  /** Undefined when the tail was empty: the pass did not look. */
  head: SealedHead | undefined;
}

const tailParameters = (tenantId: string, expected: SealedHead | undefined) => [
  tenantId,
  expected?.createdAt ?? null,
  expected?.id ?? null,
  expected?.seq.toString() ?? null,
  expected?.hash ?? null,
];

/** The chain's head as stored, for a pass whose expected head was not it. */
async function readHead(scope: TenantScope, sql: Statements): Promise<ChainHead> {
  const { rows } = await scope.db.executeQuery<{ seq: string; hash: string | null }>(
    CompiledQuery.raw(sql.head, [scope.tenantId]),
  );
  const top = rows[0];
  if (!top) return GENESIS;
  return top.hash === null ? sealLegacyAudit(scope) : { seq: BigInt(top.seq), hash: top.hash };
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
 * own short transaction (three round trips for up to BATCH entries, one more when the expected
 * head is not the head or some entries were written by another process), never inside a
 * writer's. `expected` is where the caller's previous pass left the chain: a hint, checked under
 * the lock in the same statement as the tail read, never trusted. Each read takes a fresh
 * snapshot, so the pass ends having seen every entry committed before its last read. Returns
 * how many entries it sealed and the head after them, or null when another sealer holds the chain.
 */
export async function sealAuditTail(scope: TenantScope, expected?: SealedHead): Promise<SealOutcome | null> {
  const sql = statementsFor(scope.schema);
  let sealed = 0;
  let known = expected;
  let head: SealedHead | undefined;
  for (;;) {
    const { rows } = await scope.db.executeQuery<TailRow>(
      CompiledQuery.raw(sql.tail, tailParameters(scope.tenantId, known)),
    );
    if (rows.length === 0) return { sealed, head };
    if (!rows[0]!.locked) return null;
    let link: ChainHead = known && rows[0]!.at_head ? known : await readHead(scope, sql);
    const ids = rows.map((row) => row.id);
    const bodies = await bodiesOf(scope, sql, ids);
    const seqs: string[] = [];
    const prevHashes: string[] = [];
    const hashes: string[] = [];
    for (const body of bodies) {
      const seq = (link.seq + 1n).toString();
      const hash = hashChainBody(link.hash, body, seq);
      seqs.push(seq);
      prevHashes.push(link.hash);
      hashes.push(hash);
      link = { seq: link.seq + 1n, hash };
    }
    const result = await scope.db.executeQuery(
      CompiledQuery.raw(sql.seal, [scope.tenantId, ids, seqs, prevHashes, hashes]),
    );
    // Every entry read is still unsealed under the lock; anything else rolls the pass back.
    if (result.numAffectedRows !== BigInt(ids.length))
      throw new Error(`sealed ${result.numAffectedRows} of ${ids.length} audit entries; the pass is undone`);
    sealed += rows.length;
    const last = rows[rows.length - 1]!;
    head = { ...link, id: last.id, createdAt: last.created_at };
    known = head;
    if (rows.length < BATCH) return { sealed, head };
  }
}
