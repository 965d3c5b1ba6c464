import type { TenantScope } from '../../tenancy/tenant-scope.js';
import { GENESIS_HASH, hashAuditEntry } from './audit-hash.js';

const BATCH = 500;

/** The entry the next one links to: its seq and hash (seq 0 and the genesis hash for an empty trail). */
export interface ChainHead {
  seq: bigint;
  hash: string;
}

/**
 * Hashes, in seq order, the entries written before migration 0002 added the chain, so that from
 * the first write after an upgrade the whole trail is covered. Runs under the chain lock, from the sealer.
 */
export async function sealLegacyAudit(scope: TenantScope): Promise<ChainHead> {
  const sealed = await scope.db
    .selectFrom('audit_log')
    .select(['seq', 'hash'])
    .where('tenant_id', '=', scope.tenantId)
    .where('hash', 'is not', null)
    .orderBy('seq', 'desc')
    .limit(1)
    .executeTakeFirst();
  let head: ChainHead = sealed
    ? { seq: BigInt(sealed.seq!), hash: sealed.hash! }
    : { seq: 0n, hash: GENESIS_HASH };
  for (;;) {
    const rows = await scope.db
      .selectFrom('audit_log')
      .selectAll()
      .where('tenant_id', '=', scope.tenantId)
      .where('seq', '>', head.seq.toString())
      .orderBy('seq')
      .limit(BATCH)
      .execute();
    // seq > head excludes the unsealed tail (null seq): legacy entries all have theirs.
    for (const row of rows) {
      const hash = hashAuditEntry(head.hash, { ...row, seq: row.seq! });
      await scope.db
        .updateTable('audit_log')
        .set({ prev_hash: head.hash, hash })
        .where('tenant_id', '=', scope.tenantId)
        .where('id', '=', row.id)
        .execute();
      head = { seq: BigInt(row.seq!), hash };
    }
    if (rows.length < BATCH) return head;
  }
}
