/** Permissions of the built-in roles; custom roles come from tenant storage (identity issue). */
const BUILT_IN: Record<string, readonly string[]> = {
  owner: ['*'],
  admin: ['*'],
  member: ['tenant:read', 'deployments:read', 'deployments:write', 'workflows:read', 'workflows:write'],
  viewer: ['tenant:read', 'deployments:read', 'workflows:read'],
};

export const BUILT_IN_ROLES = Object.keys(BUILT_IN);

/** True when any of `roles` grants `permission` (a `*` grants everything). */
export function rolesGrant(roles: readonly string[], permission: string): boolean {
  return roles.some((role) => {
    const granted = BUILT_IN[role];
    return granted !== undefined && (granted.includes('*') || granted.includes(permission));
  });
}

/** The permission strings a role holds, for seeding the roles table. */
export function permissionsOf(role: string): readonly string[] {
  return BUILT_IN[role] ?? [];
}
