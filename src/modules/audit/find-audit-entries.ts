import type { TenantScope } from '../../tenancy/tenant-scope.js';
import { type Page, paginate } from '../listing/paginate.js';
import { AUDIT_COLUMNS, type AuditEntryRow } from './audit-entry-row.js';
import type { AuditQuery } from './audit.schema.js';

type ListedRow = Pick<AuditEntryRow, (typeof AUDIT_COLUMNS)[number]>;

/** The tenant's own trail, filtered, newest first, by page or cursor. */
export function findAuditEntries(scope: TenantScope, query: AuditQuery): Promise<Page<ListedRow>> {
  let base = scope.db.selectFrom('audit_log').select(AUDIT_COLUMNS).where('tenant_id', '=', scope.tenantId);
  if (query.action !== undefined) base = base.where('action', '=', query.action);
  if (query.actor_id !== undefined) base = base.where('actor_id', '=', query.actor_id);
  if (query.target_type !== undefined) base = base.where('target_type', '=', query.target_type);
  if (query.target_id !== undefined) base = base.where('target_id', '=', query.target_id);
  const { page, per_page, cursor, limit, created_from, created_to } = query;
  // No status, q or sort here: the trail only reads newest first, paginate's default order.
  return paginate(
    base,
    { page, per_page, cursor, limit, created_from, created_to },
    { list: 'audit', name: 'action', statuses: [] },
  );
}
