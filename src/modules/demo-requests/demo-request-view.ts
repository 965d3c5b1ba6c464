import type { DemoRequestRow } from './demo-requests.table.js';
import type { DemoRequest } from './demo-requests.schema.js';

const iso = (value: Date | string) => new Date(value).toISOString();

/** The API shape of a stored demo request; who decided stays in the platform audit. */
export function toDemoRequest(row: DemoRequestRow): DemoRequest {
  return {
    id: row.id,
    company_name: row.company_name,
    email: row.email,
    business_domain: row.business_domain,
    message: row.message,
    status: row.status as DemoRequest['status'],
    tenant_id: row.tenant_id,
    reason: row.reason,
    decided_at: row.decided_at ? iso(row.decided_at) : null,
    created_at: iso(row.created_at),
    updated_at: iso(row.updated_at),
  };
}

export const DEMO_REQUEST_COLUMNS = [
  'id',
  'company_name',
  'email',
  'business_domain',
  'message',
  'status',
  'tenant_id',
  'reason',
  'decided_by',
  'decided_at',
  'created_at',
  'updated_at',
] as const;
