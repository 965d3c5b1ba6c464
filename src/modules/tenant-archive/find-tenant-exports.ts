import type { Kysely } from 'kysely';
import type { PlatformDatabase } from '../../db/platform-database.js';
import type { TenantRecord } from '../../tenancy/registry/tenant-record.js';
import type { TenantExportRow } from './tenant-exports.table.js';

/** How many exports the history shows: the newest; older archives are still reachable by id. */
export const EXPORT_HISTORY_LENGTH = 20;

/** A tenant's newest exports, persisted, so the console's history survives reloads and restarts. */
export function findTenantExports(
  db: Kysely<PlatformDatabase>,
  tenant: Pick<TenantRecord, 'id'>,
): Promise<TenantExportRow[]> {
  return db
    .selectFrom('platform.tenant_exports')
    .selectAll()
    .where('tenant_id', '=', tenant.id)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(EXPORT_HISTORY_LENGTH)
    .execute();
}
