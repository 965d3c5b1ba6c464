import type { Kysely } from 'kysely';
import type { PlatformDatabase } from '../../db/platform-database.js';
import { notFound } from '../../errors.js';
import { parseTenantId } from '../../tenancy/tenant-id.js';
import type { TenantExportRow } from './tenant-exports.table.js';

/** An export of the tenant named in the path; another tenant's export is NOT_FOUND, like a missing one. */
export async function getTenantExport(
  db: Kysely<PlatformDatabase>,
  rawTenantId: string,
  exportId: string,
): Promise<TenantExportRow> {
  const tenantId = parseTenantId(rawTenantId, 'id');
  const row = await db
    .selectFrom('platform.tenant_exports')
    .selectAll()
    .where('id', '=', exportId)
    .where('tenant_id', '=', tenantId)
    .executeTakeFirst();
  if (!row) throw notFound('Export');
  return row;
}
