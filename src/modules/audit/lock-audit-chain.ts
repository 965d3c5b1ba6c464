import { sql } from 'kysely';
import type { TenantScope } from '../../tenancy/tenant-scope.js';
import { GENESIS_HASH } from './audit-hash.js';
import { type ChainHead, sealLegacyAudit } from './seal-legacy-audit.js';

/**
 * Serialises the writers of one tenant's trail until the scope's transaction ends, then reads
 * the head. Without the lock two concurrent writers would both link to the same entry and fork
 * the chain; the unique (tenant_id, seq) index would then fail one of them.
 */
export async function lockAuditChain(scope: TenantScope): Promise<ChainHead> {
  // The two-key form keeps these locks apart from the single-key ones (migrations) on one server.
  await sql`select pg_advisory_xact_lock(hashtext('tenantbase:audit'), hashtext(${scope.tenantId}))`.execute(
    scope.db,
  );
  const last = await scope.db
    .selectFrom('audit_log')
    .select(['seq', 'hash'])
    .where('tenant_id', '=', scope.tenantId)
    .orderBy('seq', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (!last) return { seq: 0n, hash: GENESIS_HASH };
  if (last.hash === null) return sealLegacyAudit(scope);
  return { seq: BigInt(last.seq), hash: last.hash };
}
