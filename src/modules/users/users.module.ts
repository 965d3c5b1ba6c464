import type { AppServices } from '../../app/app-services.js';
import type { TenantModule } from '../module.js';
import { accountRoutes } from './account.routes.js';
import { userRoutes } from './users.routes.js';
import { userMigrations } from './users.tables.js';
import type { TenantRoutes } from '../../http/route-kit.js';

declare module '../../identity/permissions.js' {
  interface PermissionNames {
    'users:read': true;
    'users:manage': true;
  }
}

/**
 * Managing a tenant's people: users and invitations within the tier's seat limit, and the
 * mailed links (invitation, password reset, email verification). The users, roles and
 * user_roles tables belong to the identity module; this one adds tokens and verifications.
 */
export const usersModule: TenantModule = {
  name: 'users',
  feature: null,
  tables: ['user_tokens', 'email_verifications'],
  migrations: userMigrations,
  permissions: [
    { name: 'users:read', roles: ['admin'] },
    { name: 'users:manage', roles: ['admin'] },
  ],
  routes: (app: TenantRoutes, services: AppServices) => {
    userRoutes(app, services);
    accountRoutes(app, services);
  },
};
