import { quoteLiteral } from '../../db/sql-identifier.js';
import type { TenantMigration } from '../../tenancy/migrations/tenant-migration.js';
import type { TenantModule } from '../module.js';

/**
 * A tenant migration that gives existing tenants' built-in roles the permissions a module
 * declares for them. New tenants are seeded from the catalogue; tenants provisioned before the
 * module shipped would otherwise never see its permissions on `admin`, `member` or `viewer`.
 * It only adds (a permission a tenant already removed from a role stays removed once this has run),
 * and runs once per storage like every migration, so ship a new one for permissions added later.
 */
export function grantToBuiltInRoles(
  id: string,
  permissions: NonNullable<TenantModule['permissions']>,
): TenantMigration {
  return {
    id,
    up: (s) =>
      permissions
        .filter((permission) => permission.roles.length > 0)
        .map(
          ({ name, roles }) => `
      update ${s}.roles
         set permissions = array_append(permissions, ${quoteLiteral(name)})
       where built_in
         and name in (${roles.map(quoteLiteral).join(', ')})
         and not (${quoteLiteral(name)} = any(permissions));`,
        )
        .join('\n'),
  };
}
