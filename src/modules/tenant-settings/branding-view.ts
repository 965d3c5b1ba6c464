import type { TenantRecord } from '../../tenancy/registry/tenant-record.js';
import type { Branding } from './tenant-settings.schema.js';

/** The tenant's branding with its name standing in for a company name never set. */
export function toBranding(tenant: TenantRecord): Branding {
  const stored = tenant.branding;
  return {
    company_name: stored.company_name || tenant.name,
    primary_color: stored.primary_color ?? null,
    logo_url: stored.logo_url ?? null,
  };
}
