/**
 * The closed catalogue of permissions a tenant role may hold. Only business permissions are
 * here (seed 002): tenant users never see or grant platform powers. Routes name one of these in
 * their `permission` config, so the compiler rejects a typo.
 */
export const PERMISSIONS = [
  'tenant:read',
  'deployments:read',
  'deployments:write',
  'workflows:read',
  'workflows:write',
  'users:read',
  'users:manage',
  'roles:manage',
  'api_keys:manage',
  'audit:read',
  'branding:manage',
  'oidc:manage',
] as const;

export type Permission = (typeof PERMISSIONS)[number];

const CATALOGUE: ReadonlySet<string> = new Set(PERMISSIONS);

/** True for a string of the catalogue; anything else must never reach a role or a key. */
export function isPermission(value: string): value is Permission {
  return CATALOGUE.has(value);
}

/** The role that always holds every permission, so a tenant can never lock its owners out. */
export const OWNER_ROLE = 'owner';

/** What the built-in roles are seeded with; afterwards the tenant's `roles` table is the truth. */
const BUILT_IN: Record<string, readonly Permission[]> = {
  owner: PERMISSIONS,
  // The external identity provider decides who is who in the tenant: it stays with the owner.
  admin: PERMISSIONS.filter((p) => p !== 'oidc:manage'),
  member: ['tenant:read', 'deployments:read', 'deployments:write', 'workflows:read', 'workflows:write'],
  viewer: ['tenant:read', 'deployments:read', 'workflows:read'],
};

export const BUILT_IN_ROLES = Object.keys(BUILT_IN);

/** The permission strings a built-in role is seeded with. */
export function permissionsOf(role: string): readonly Permission[] {
  return BUILT_IN[role] ?? [];
}

/**
 * What a stored role really grants: the owner (and a legacy `*` seed) everything in the
 * catalogue, anything else only its catalogue permissions, so a stray string never grants.
 */
export function effectivePermissions(role: string, stored: readonly string[]): Permission[] {
  if (role === OWNER_ROLE || stored.includes('*')) return [...PERMISSIONS];
  return PERMISSIONS.filter((p) => stored.includes(p));
}
