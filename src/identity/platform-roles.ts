/**
 * The roles of platform staff (SPEC §8). Every platform administrator account holds exactly one;
 * its access token carries it in `roles` and has no `tenant_id`.
 */
export const PLATFORM_ROLES = ['platform_admin', 'platform_support', 'platform_billing'] as const;
export type PlatformRole = (typeof PLATFORM_ROLES)[number];

export function isPlatformRole(value: unknown): value is PlatformRole {
  return typeof value === 'string' && (PLATFORM_ROLES as readonly string[]).includes(value);
}

/** The platform role a principal's roles name (the first one that is), or undefined for tenant users. */
export function platformRoleOf(roles: readonly string[]): PlatformRole | undefined {
  return roles.find(isPlatformRole);
}
