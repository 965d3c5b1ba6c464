import { sql } from 'kysely';
import type { TenantScope } from '../../tenancy/tenant-scope.js';
import { type ChainedEntry, GENESIS_HASH, hashAuditEntry } from './audit-hash.js';
import { type ChainHead, sealLegacyAudit } from './seal-legacy-audit.js';

/** Unsealed entries chained per UPDATE; a longer tail takes several in the same pass. */
const BATCH = 1000;

/**
 * The oldest unsealed entries, each with the chain's head and whether this transaction holds the
 * tenant's chain lock, in one round trip. The lock is tried, never waited for; it only spares
 * concurrent sealers wasted work: the unique (tenant_id, seq) index is what refuses a fork.
 * The two-key form keeps these locks apart from the single-key ones (migrations) on one server.
 */
function readTail(scope: TenantScope) {
  return scope.db
    .selectFrom('audit_log as entry')
    .leftJoinLateral(
      (eb) =>
        eb
          .selectFrom('audit_log')
          .select(['seq as head_seq', 'hash as head_hash'])
          .where('tenant_id', '=', scope.tenantId)
          .where('seq', 'is not', null)
          .orderBy('seq', 'desc')
          .limit(1)
          .as('head'),
      (join) => join.onTrue(),
    )
    .selectAll('entry')
    .select([
      'head.head_seq',
      'head.head_hash',
      sql<boolean>`pg_try_advisory_xact_lock(hashtext('tenantbase:audit'), hashtext(${scope.tenantId}))`.as(
        'locked',
      ),
    ])
    .where('entry.tenant_id', '=', scope.tenantId)
    .where('entry.seq', 'is', null)
    .orderBy('entry.created_at')
    .orderBy('entry.id')
    .limit(BATCH)
    .execute();
}

/**
 * Chains the tenant's committed, unsealed entries after the head, oldest first, in the scope's
 * own short transaction (three round trips for up to BATCH entries), never inside a writer's.
 * Each read takes a fresh snapshot, so the pass ends having seen every entry committed before
 * its last read. Returns how many entries it sealed, or null when another sealer holds the chain.
 */
export async function sealAuditTail(scope: TenantScope): Promise<number | null> {
  let sealed = 0;
  for (;;) {
    const rows = await readTail(scope);
    if (rows.length === 0) return sealed;
    if (!rows[0]!.locked) return null;
    const first = rows[0]!;
    let head: ChainHead =
      first.head_seq === null
        ? { seq: 0n, hash: GENESIS_HASH }
        : first.head_hash === null
          ? await sealLegacyAudit(scope)
          : { seq: BigInt(first.head_seq), hash: first.head_hash };
    const ids: string[] = [];
    const seqs: string[] = [];
    const prevHashes: string[] = [];
    const hashes: string[] = [];
    for (const row of rows) {
      const seq = (head.seq + 1n).toString();
      const hash = hashAuditEntry(head.hash, { ...row, seq } as ChainedEntry);
      ids.push(row.id);
      seqs.push(seq);
      prevHashes.push(head.hash);
      hashes.push(hash);
      head = { seq: head.seq + 1n, hash };
    }
    await scope.db
      .updateTable('audit_log')
      .from(
        sql<{ id: string; seq: string; prev_hash: string; hash: string }>`(select
          unnest(${ids}::uuid[]) as id, unnest(${seqs}::bigint[]) as seq,
          unnest(${prevHashes}::text[]) as prev_hash, unnest(${hashes}::text[]) as hash)`.as('sealed'),
      )
      .set((eb) => ({
        seq: eb.ref('sealed.seq'),
        prev_hash: eb.ref('sealed.prev_hash'),
        hash: eb.ref('sealed.hash'),
        sealed_at: sql<Date>`clock_timestamp()`,
      }))
      .where('audit_log.tenant_id', '=', scope.tenantId)
      .whereRef('audit_log.id', '=', 'sealed.id')
      .where('audit_log.seq', 'is', null)
      .execute();
    sealed += rows.length;
    if (rows.length < BATCH) return sealed;
  }
}
