import type { TenantModule } from '../module.js';
import { grantToBuiltInRoles } from '../roles/grant-to-built-in-roles.js';
import { ITEMS_PER_RUN_QUOTA } from './create-forecast-run.js';
import { forecastPointsArchiveUpgrade } from './forecast-points-archive-upgrade.js';
import { forecastingRoutes } from './forecasting.routes.js';
import { FORECASTING_TABLES, forecastingMigrations } from './forecasting.tables.js';

declare module '../../identity/permissions.js' {
  interface PermissionNames {
    'forecasting:read': true;
    'forecasting:write': true;
  }
}

const permissions = [
  { name: 'forecasting:read', roles: ['admin', 'member', 'viewer'] },
  { name: 'forecasting:write', roles: ['admin', 'member'] },
] as const;

/** Seed 000's demand forecasting: demand history, background forecast runs, quality and inventory. */
export const forecastingModule: TenantModule = {
  name: 'forecasting',
  feature: 'forecasting',
  tables: FORECASTING_TABLES,
  // Tenants provisioned before this module get its permissions on their built-in roles.
  migrations: [...forecastingMigrations, grantToBuiltInRoles('0100_grant_permissions', permissions)],
  features: [{ key: 'forecasting', tiers: ['standard', 'premium', 'enterprise'] }],
  permissions,
  quotas: [
    {
      key: ITEMS_PER_RUN_QUOTA,
      kind: 'limit',
      tiers: { standard: 1000, premium: 10_000, enterprise: null },
    },
  ],
  archiveUpgrades: [forecastPointsArchiveUpgrade],
  routes: forecastingRoutes,
};
