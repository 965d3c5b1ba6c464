import { auditModule } from './audit/audit.module.js';
import { authModule } from './auth/auth.module.js';
import { deploymentsModule } from './deployments/deployments.module.js';
import { identityModule } from './identity/identity.module.js';
import type { TenantModule } from './module.js';
import { tenantsModule } from './tenants/tenants.module.js';
import { workflowsModule } from './workflows/workflows.module.js';

/**
 * Every module of the product, in migration order. Adding a module is adding it here; the
 * isolation test matrix and tenant provisioning pick it up from this list.
 */
export const registeredModules: TenantModule[] = [
  identityModule,
  auditModule,
  authModule,
  tenantsModule,
  deploymentsModule,
  workflowsModule,
];
