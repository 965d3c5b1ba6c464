import type { OidcProviderRow } from './oidc-providers.table.js';
import type { OidcConfig } from './oidc.schema.js';

/** The API shape of a stored provider, with the effective tenant claim value filled in. */
export function toOidcConfig(row: OidcProviderRow): OidcConfig {
  return {
    tenant_id: row.tenant_id,
    issuer: row.issuer,
    jwks_url: row.jwks_url,
    audience: row.audience,
    tenant_claim: row.tenant_claim,
    tenant_claim_value: row.tenant_claim_value ?? row.tenant_id,
    roles_claim: row.roles_claim,
    role_mapping: row.role_mapping,
    default_role: row.default_role,
    enabled: row.enabled,
    created_at: row.created_at.toISOString(),
    updated_at: row.updated_at.toISOString(),
  };
}
