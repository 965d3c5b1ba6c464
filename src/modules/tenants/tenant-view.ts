import type { TenantRecord } from '../../tenancy/registry/tenant-record.js';
import { effectiveFeatures, effectiveLimits } from '../../tenancy/tiers.js';
import type { Tenant } from './tenants.schema.js';

/** The API shape of a tenant: effective features and limits derived; placement for administrators only. */
export function toTenantView(record: TenantRecord, viewer: { platformAdmin: boolean }): Tenant {
  const view: Tenant = {
    id: record.id,
    name: record.name,
    status: record.status,
    provisioning_step: record.provisioning_step,
    provisioning_error: record.provisioning_error,
    tier: record.tier,
    isolation: record.isolation,
    business_domain: record.business_domain,
    features: effectiveFeatures(record.tier, record.business_domain, record.feature_overrides),
    feature_overrides: record.feature_overrides,
    branding: record.branding,
    settings: record.settings,
    hostnames: record.hostnames,
    limits: { ...effectiveLimits(record.tier, record.limit_overrides) },
    limit_overrides: record.limit_overrides,
    created_at: record.created_at.toISOString(),
    updated_at: record.updated_at.toISOString(),
  };
  if (viewer.platformAdmin) {
    view.placement = record.placement;
    // What the tier and business domain give before overrides: the console shows it beside each override.
    view.plan_features = effectiveFeatures(record.tier, record.business_domain, {});
    view.plan_limits = { ...effectiveLimits(record.tier, {}) };
  }
  return view;
}
