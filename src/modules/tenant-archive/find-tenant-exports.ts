import { type Kysely, sql } from 'kysely';
import type { PlatformDatabase } from '../../db/platform-database.js';
import type { Page } from '../listing/list-query.schema.js';
import { readListPage } from '../listing/read-list-page.js';
import type { TenantRecord } from '../../tenancy/registry/tenant-record.js';
import type { ExportListQuery } from './tenant-archive.schema.js';
import type { TenantExportRow } from './tenant-exports.table.js';

/** A tenant's exports, newest first, persisted, so the console's history survives reloads and restarts. */
export function findTenantExports(
  db: Kysely<PlatformDatabase>,
  tenant: Pick<TenantRecord, 'id'>,
  query: ExportListQuery,
): Promise<Page<TenantExportRow>> {
  const base = db.selectFrom('platform.tenant_exports').where('tenant_id', '=', tenant.id);
  return readListPage(
    db,
    base,
    (q) => q.selectAll(),
    query,
    { name: '-created_at', value: sql`created_at`, descending: true, kind: 'instant' },
    { column: sql`id`, type: 'uuid' },
  );
}
