import type { Selectable } from 'kysely';
import type { TenantsTable } from '../../db/platform-database.js';
import type { TenantId } from '../tenant-id.js';
import type { Isolation } from '../tenant-scope.js';
import type { BusinessDomain, TenantLimits, Tier } from '../tiers.js';

export type TenantStatus = 'provisioning' | 'active' | 'suspended' | 'failed' | 'deleting' | 'deleted';

/** Every registry status, for validating a filter before it reaches a query. */
export const TENANT_STATUSES: readonly TenantStatus[] = [
  'provisioning',
  'active',
  'suspended',
  'failed',
  'deleting',
  'deleted',
];

/** A tenant as the registry knows it, before effective features and limits are derived. */
export interface TenantRecord {
  id: TenantId;
  name: string;
  status: TenantStatus;
  provisioning_step: string | null;
  provisioning_error: string | null;
  tier: Tier;
  isolation: Isolation;
  placement: string;
  business_domain: BusinessDomain;
  feature_overrides: Record<string, boolean>;
  branding: Record<string, string | null>;
  settings: Record<string, unknown>;
  limit_overrides: Partial<TenantLimits>;
  hostnames: string[];
  /** The tenant's own PostgreSQL role, once provisioned; statements run as the app role before that. */
  storage_role: string | null;
  created_at: Date;
  updated_at: Date;
}

/** Maps a registry row; the id was validated when the row was written. */
export function toTenantRecord(row: Selectable<TenantsTable>, hostnames: string[]): TenantRecord {
  return {
    ...row,
    id: row.id as TenantId,
    status: row.status as TenantStatus,
    tier: row.tier as Tier,
    isolation: row.isolation as Isolation,
    business_domain: row.business_domain as BusinessDomain,
    limit_overrides: row.limit_overrides as Partial<TenantLimits>,
    hostnames,
  };
}
