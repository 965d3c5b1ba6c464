import { productCatalogue } from '../tenancy/product-catalogue.js';

/**
 * Permission names, one property per permission: each module adds its own by declaration merging
 * (`declare module '.../identity/permissions.js' { interface PermissionNames { 'notes:read': true } }`)
 * next to the runtime declaration in its `*.module.ts`, so a route's `permission` is still checked
 * by the compiler. Only business permissions exist (seed 002): tenant users never see platform powers.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface PermissionNames {}

export type Permission = keyof PermissionNames & string;

/** The catalogue of permissions a tenant role may hold, in the registered modules' order. */
export function permissionCatalogue(): readonly Permission[] {
  return productCatalogue().permissions as Permission[];
}

/** JSON Schema format of a permission field: the declared list is only known at start. */
export const PERMISSION_FORMAT = 'permission';

/** True for a string of the catalogue; anything else must never reach a role or a key. */
export function isPermission(value: string): value is Permission {
  return productCatalogue().permissions.includes(value);
}

/** The role that always holds every permission, so a tenant can never lock its owners out. */
export const OWNER_ROLE = 'owner';

/** The roles every tenant is seeded with; modules say which of them get each of their permissions. */
export const BUILT_IN_ROLES: readonly string[] = [OWNER_ROLE, 'admin', 'member', 'viewer'];

/** The permission strings a built-in role is seeded with (the owner: every one). */
export function permissionsOf(role: string): readonly Permission[] {
  if (role === OWNER_ROLE) return permissionCatalogue();
  return (productCatalogue().rolePermissions.get(role) ?? []) as Permission[];
}

/**
 * What a stored role really grants: the owner (and a legacy `*` seed) everything in the
 * catalogue, anything else only its catalogue permissions, so a stray string never grants.
 */
export function effectivePermissions(role: string, stored: readonly string[]): Permission[] {
  const all = permissionCatalogue();
  if (role === OWNER_ROLE || stored.includes('*')) return [...all];
  return all.filter((p) => stored.includes(p));
}
