import type { Kysely } from 'kysely';
import type { PlatformDatabase } from '../../db/platform-database.js';
import type { TenantRecord } from '../../tenancy/registry/tenant-record.js';

/** The platform's acts on one tenant (created, suspended, tier changed...), newest first. */
export function findPlatformActivity(
  db: Kysely<PlatformDatabase>,
  tenant: Pick<TenantRecord, 'id'>,
  limit: number,
) {
  return db
    .selectFrom('platform.platform_audit')
    .select(['id', 'actor_type', 'actor_id', 'action', 'target_type', 'target_id', 'details', 'created_at'])
    .where('tenant_id', '=', tenant.id)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
}
