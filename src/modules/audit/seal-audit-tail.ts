import { sql } from 'kysely';
import type { TenantScope } from '../../tenancy/tenant-scope.js';
import { type ChainedEntry, GENESIS_HASH, hashAuditEntry } from './audit-hash.js';
import { sealLegacyAudit } from './seal-legacy-audit.js';

/** The entry the next one links to: its seq and hash (seq 0 and the genesis hash for an empty trail). */
export interface ChainHead {
  seq: bigint;
  hash: string;
}

const BATCH = 1000;

/**
 * Takes the tenant's chain lock without waiting. The two-key form keeps these locks apart from
 * the single-key ones (migrations) on one server; the lock ends with the sealer's transaction.
 */
async function tryLockChain(scope: TenantScope): Promise<boolean> {
  const { rows } = await sql<{ locked: boolean }>`
    select pg_try_advisory_xact_lock(hashtext('tenantbase:audit'), hashtext(${scope.tenantId})) as locked`.execute(
    scope.db,
  );
  return rows[0]?.locked === true;
}

async function readHead(scope: TenantScope): Promise<ChainHead> {
  const last = await scope.db
    .selectFrom('audit_log')
    .select(['seq', 'hash'])
    .where('tenant_id', '=', scope.tenantId)
    .where('seq', 'is not', null)
    .orderBy('seq', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (!last) return { seq: 0n, hash: GENESIS_HASH };
  if (last.hash === null) return sealLegacyAudit(scope);
  return { seq: BigInt(last.seq!), hash: last.hash };
}

/**
 * Chains the tenant's committed, unsealed entries after the head, oldest first, in the scope's
 * own short transaction: one lock (the chain's, try-only) and one UPDATE per batch, never inside
 * a writer's transaction. Each batch reads a fresh snapshot, so the pass ends having seen every
 * entry committed before its last read. Returns how many entries it sealed, or null when another
 * sealer holds the chain.
 */
export async function sealAuditTail(scope: TenantScope): Promise<number | null> {
  if (!(await tryLockChain(scope))) return null;
  let head = await readHead(scope);
  let sealed = 0;
  for (;;) {
    const rows = await scope.db
      .selectFrom('audit_log')
      .selectAll()
      .where('tenant_id', '=', scope.tenantId)
      .where('seq', 'is', null)
      .orderBy('created_at')
      .orderBy('id')
      .limit(BATCH)
      .execute();
    if (rows.length === 0) return sealed;
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
