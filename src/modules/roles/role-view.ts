import { effectivePermissions } from '../../identity/permissions.js';
import type { Role } from './roles.schema.js';

export interface RoleRow {
  name: string;
  permissions: string[];
  built_in: boolean;
  created_at: Date;
}

export const ROLE_COLUMNS = ['name', 'permissions', 'built_in', 'created_at'] as const;

/** The API shape of a stored role: the permissions it really grants, in catalogue order. */
export function toRole(row: RoleRow): Role {
  return {
    id: row.name,
    name: row.name,
    permissions: effectivePermissions(row.name, row.permissions),
    built_in: row.built_in,
    created_at: row.created_at.toISOString(),
  };
}
