import { findOrNotFound } from '../../errors.js';
import type { TenantScope } from '../../tenancy/tenant-scope.js';
import { ENTRY_COLUMNS, type EntryRow } from './entry-rows.js';

/** One entry of the type in the scope's tenant; another tenant's id is as missing as an unknown one. */
export function getEntry(scope: TenantScope, type: string, id: string): Promise<EntryRow> {
  return findOrNotFound('Entry', id, (uuid) =>
    scope.db
      .selectFrom('entries')
      .select(ENTRY_COLUMNS)
      .where('tenant_id', '=', scope.tenantId)
      .where('id', '=', uuid)
      .where('type', '=', type)
      .executeTakeFirst(),
  );
}
