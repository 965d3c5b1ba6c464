import type { TenantModule } from '../module.js';
import { fleetReportRoutes } from './fleet-reports.routes.js';
import { fleetReportPlatformMigrations } from './fleet-reports.tables.js';

/**
 * Fleet insight (SPEC §8): per-tenant traffic recorded by every process, rolled up every minute
 * with storage and users into one row per tenant and a 30-day daily history.
 */
export const fleetReportsModule: TenantModule = {
  name: 'fleet-reports',
  feature: null,
  tables: [],
  migrations: [],
  platformTables: ['tenant_traffic_hourly', 'tenant_reports', 'tenant_report_days', 'fleet_rollups'],
  platformMigrations: fleetReportPlatformMigrations,
  routes: fleetReportRoutes,
};
