import type { TenantModule } from '../module.js';
import { auditMigrations } from './audit.tables.js';

/** The tenant's own audit trail; its API arrives with the protection issue. */
export const auditModule: TenantModule = {
  name: 'audit',
  feature: null,
  tables: ['audit_log'],
  migrations: auditMigrations,
};
