import type { TenantRecord } from '../../tenancy/registry/tenant-record.js';
import { effectiveFeatures, effectiveLimits } from '../../tenancy/tiers.js';
import { toBranding } from './branding-view.js';
import type { TenantConfig } from './tenant-settings.schema.js';

/**
 * Seed 001's tenant configuration: domain, effective features, branding and organisation
 * details (GST number and contact info also at the top level, where the seed had them). Its
 * `database_url` is deliberately absent: where data lives is never a tenant's business.
 */
export function toTenantConfig(tenant: TenantRecord): TenantConfig {
  const settings = tenant.settings;
  const contact = settings.contact_info;
  return {
    tenant_id: tenant.id,
    name: tenant.name,
    status: tenant.status,
    is_active: tenant.status === 'active',
    tier: tenant.tier,
    business_domain: tenant.business_domain,
    features: effectiveFeatures(tenant.tier, tenant.business_domain, tenant.feature_overrides),
    branding: toBranding(tenant),
    settings,
    gst_number: typeof settings.gst_number === 'string' ? settings.gst_number : null,
    contact_info: contact && typeof contact === 'object' ? (contact as Record<string, unknown>) : null,
    limits: { ...effectiveLimits(tenant.tier, tenant.limit_overrides) },
    hostnames: tenant.hostnames,
  };
}
