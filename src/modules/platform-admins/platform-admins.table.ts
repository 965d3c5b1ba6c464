import type { PlatformMigration } from '../../db/platform-migrations.js';
import { PLATFORM_ROLES } from '../../identity/platform-roles.js';

/**
 * Platform roles on the administrators' table (a core table: the column is this module's). Every
 * administrator that existed before roles keeps all powers: the default makes them `platform_admin`.
 */
export const platformAdminPlatformMigrations: PlatformMigration[] = [
  {
    id: 'platform-admins.0001_roles',
    sql: `
      alter table platform.platform_admins
        add column role text not null default 'platform_admin'
        check (role in (${PLATFORM_ROLES.map((role) => `'${role}'`).join(', ')}));`,
  },
];
