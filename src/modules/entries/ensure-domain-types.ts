import type { TenantRecord } from '../../tenancy/registry/tenant-record.js';
import type { Tenancy } from '../../tenancy/tenancy.js';
import { DOMAIN_PRESETS } from './domain-presets.js';
import { seedDomainTypes } from './seed-domain-types.js';

/** Tenant → the domain whose presets this process has seen seeded. */
const ensured = new Map<string, string>();

/**
 * Seeds the tenant's domain presets before its first entries request in this process, so tenants
 * provisioned before this module, and tenants whose domain changed since, get their types without
 * a platform-wide step. One map lookup afterwards; the seed itself is idempotent across processes.
 */
export async function ensureDomainTypes(
  tenancy: Pick<Tenancy, 'withTenant'>,
  tenant: TenantRecord,
): Promise<void> {
  const domain = tenant.business_domain;
  if (ensured.get(tenant.id) === domain) return;
  if (DOMAIN_PRESETS[domain])
    await tenancy.withTenant(tenant, (scope) => seedDomainTypes(scope, domain), 'write');
  ensured.set(tenant.id, domain);
}

/** Forgets what this process knows (a tenant deleted or imported anew under the same id). */
export function forgetEnsuredDomain(tenantId: string): void {
  ensured.delete(tenantId);
}
