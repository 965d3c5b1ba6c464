import type { JWTPayload } from 'jose';
import type { OidcProviderRow } from './oidc-providers.table.js';

type ClaimRules = Pick<
  OidcProviderRow,
  'tenant_id' | 'tenant_claim' | 'tenant_claim_value' | 'roles_claim' | 'role_mapping' | 'default_role'
>;

/**
 * A claim by name, or by dotted path for nested claims (Keycloak's `realm_access.roles`). The
 * exact name wins, since namespaced claims are often URLs full of dots.
 */
export function claimAt(payload: JWTPayload, name: string): unknown {
  if (Object.hasOwn(payload, name)) return payload[name];
  let value: unknown = payload;
  for (const part of name.split('.')) {
    if (!value || typeof value !== 'object' || !Object.hasOwn(value, part)) return undefined;
    value = (value as Record<string, unknown>)[part];
  }
  return value;
}

const strings = (value: unknown): string[] =>
  typeof value === 'string'
    ? [value]
    : Array.isArray(value)
      ? value.filter((v): v is string => typeof v === 'string')
      : [];

/** True when no tenant claim is configured, or the claim (a string or a list) holds the expected value. */
export function tenantClaimMatches(payload: JWTPayload, rules: ClaimRules): boolean {
  if (!rules.tenant_claim) return true;
  return strings(claimAt(payload, rules.tenant_claim)).includes(rules.tenant_claim_value ?? rules.tenant_id);
}

/**
 * The tenant roles the token's roles (or groups) claim maps to; the default role when none maps.
 * A value the mapping does not name grants nothing: the provider never names tenant roles itself.
 */
export function mappedRoles(payload: JWTPayload, rules: ClaimRules): string[] {
  const external = rules.roles_claim
    ? strings(claimAt(payload, rules.roles_claim))
    : strings(payload.roles ?? payload.groups);
  const mapped = new Set(
    external.filter((value) => Object.hasOwn(rules.role_mapping, value)).map((v) => rules.role_mapping[v]!),
  );
  if (mapped.size === 0 && rules.default_role) mapped.add(rules.default_role);
  return [...mapped].sort();
}
