import { apiKeysModule } from './api-keys/api-keys.module.js';
import { auditModule } from './audit/audit.module.js';
import { authModule } from './auth/auth.module.js';
import { businessDomainsModule } from './business-domains/business-domains.module.js';
import { demoRequestsModule } from './demo-requests/demo-requests.module.js';
import { deploymentsModule } from './deployments/deployments.module.js';
import { forecastingModule } from './forecasting/forecasting.module.js';
import { entriesModule } from './entries/entries.module.js';
import { doctorModule } from './doctor/doctor.module.js';
import { fleetReportsModule } from './fleet-reports/fleet-reports.module.js';
import { identityModule } from './identity/identity.module.js';
import { mailModule } from './mail/mail.module.js';
import type { TenantModule } from './module.js';
import { oidcModule } from './oidc/oidc.module.js';
import { platformAdminsModule } from './platform-admins/platform-admins.module.js';
import { rolesModule } from './roles/roles.module.js';
import { signupModule } from './signup/signup.module.js';
import { tenantArchiveModule } from './tenant-archive/tenant-archive.module.js';
import { tenantMoveModule } from './tenant-move/tenant-move.module.js';
import { tenantDeletionModule } from './tenant-deletion/tenant-deletion.module.js';
import { tenantSettingsModule } from './tenant-settings/tenant-settings.module.js';
import { tenantsModule } from './tenants/tenants.module.js';
import { usersModule } from './users/users.module.js';
import { workflowsModule } from './workflows/workflows.module.js';

/**
 * Every module of the product, in migration order. Adding a module is adding it here; the
 * isolation test matrix and tenant provisioning pick it up from this list.
 */
export const registeredModules: TenantModule[] = [
  identityModule,
  auditModule,
  authModule,
  usersModule,
  rolesModule,
  apiKeysModule,
  oidcModule,
  mailModule,
  tenantsModule,
  platformAdminsModule,
  tenantSettingsModule,
  demoRequestsModule,
  signupModule,
  tenantDeletionModule,
  tenantArchiveModule,
  tenantMoveModule,
  deploymentsModule,
  workflowsModule,
  forecastingModule,
  businessDomainsModule,
  entriesModule,
  doctorModule,
  fleetReportsModule,
];
