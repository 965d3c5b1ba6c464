import type { Role } from '../api/types';
import { useApiGet } from './use-api-get';

/**
 * Every permission the tenant's registered modules declare, in catalogue order: the owner role
 * holds each one, so the server's role list is the catalogue and the console copies nothing.
 */
export function usePermissionCatalogue(): readonly string[] {
  const roles = useApiGet<Role[]>('/roles', undefined, { allPages: true });
  return roles.result?.data.find((role) => role.name === 'owner')?.permissions ?? [];
}
