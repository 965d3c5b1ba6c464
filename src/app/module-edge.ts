import type { BearerCredential, HttpEdge } from '../http/http-services.js';
import { typedRoutes } from '../http/route-kit.js';
import { recordAudit } from '../modules/audit/record-audit.js';
import { recordPlatformAudit } from '../modules/audit/record-platform-audit.js';
import { apiKeyPrincipal } from '../modules/api-keys/api-key-principal.js';
import { looksLikeApiKey } from '../modules/api-keys/api-key-secret.js';
import type { TenantModule } from '../modules/module.js';
import { issuedElsewhere, oidcPrincipal } from '../modules/oidc/oidc-principal.js';
import { enqueueStorageMeasurement } from '../modules/tenants/measure-storage-job.js';
import type { AppServices } from './app-services.js';

/** What the modules add to the HTTP edge: credentials, routes, admin audit, storage measurement. */
export function moduleEdge(services: AppServices, modules: readonly TenantModule[]): HttpEdge {
  const credentials: BearerCredential[] = [
    { accepts: looksLikeApiKey, principal: (token) => apiKeyPrincipal(services, token) },
    { accepts: issuedElsewhere, principal: (token) => oidcPrincipal(services, token) },
  ];
  return {
    credentials,
    routes: modules.flatMap((module) => {
      const routes = module.routes;
      if (!routes) return [];
      return [
        { name: module.name, feature: module.feature, register: (app) => routes(typedRoutes(app), services) },
      ];
    }),
    async auditAdminAct(tenant, details, write) {
      const action = 'admin.act_in_tenant';
      await recordPlatformAudit(services.tenancy.platformDb, {
        action,
        targetType: 'tenant',
        targetId: tenant.id,
        tenantId: tenant.id,
        details,
      });
      if (!write) return;
      await services.tenancy.withTenant(tenant, (scope) =>
        recordAudit(scope, { action, targetType: 'tenant', targetId: tenant.id, after: details }),
      );
    },
    measureStorage: (tenantId) => enqueueStorageMeasurement(services.jobs, tenantId),
  };
}
