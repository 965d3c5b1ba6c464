import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from '../../errors.js';
import { openTenant } from '../../tenancy/open-tenant.js';
import { resolveTenant } from '../../tenancy/resolution/resolve-tenant.js';
import { requestContext } from '../../tenancy/tenant-context.js';
import { parseTenantId } from '../../tenancy/tenant-id.js';
import { featureEnabled } from '../../tenancy/tiers.js';
import type { HttpServices } from '../http-services.js';
import { assertMayActInTenant } from '../platform-route-roles.js';
import { headerAndQueryTenants, stringField, tenantFromHost } from '../request-hints.js';

const TENANT_PATH = /^\/api\/v1\/tenants\/:id(\/|$)/;

/** The tenant a `/tenants/{id}/...` route's path names, as the router read it (not yet validated). */
function tenantInPath(request: FastifyRequest): string | undefined {
  if (!TENANT_PATH.test(request.routeOptions.url ?? '')) return undefined;
  return stringField(request.params, 'id');
}

/**
 * Resolves the tenant of tenant routes and runs the checks in their order (README, Architecture) after
 * authentication: resolution, status, feature, permission. Runs before body validation, so a
 * cross-tenant request is refused before anything about its body is said. The tenant record
 * routes (`tenant-users`) are tenant routes for the tenant's own callers and platform routes for
 * platform staff, who must reach a tenant whatever its status (to resume it, to watch it provision).
 */
export function resolveRequestTenantPlugin(app: FastifyInstance, services: HttpServices): void {
  // A signed-in tenant principal naming another tenant is refused first, on every route, platform
  // ones included (the token is the authority), before any permission check or body parsing.
  app.addHook('onRequest', async (request) => {
    const claim = request.principal?.tenantId;
    if (!claim) return;
    const path = tenantInPath(request);
    resolveTenant({ ...headerAndQueryTenants(request), claim, path, host: undefined, body: undefined });
  });

  app.addHook('preValidation', async (request, reply) => {
    const config = request.routeOptions.config;
    const mode = config.tenant ?? 'none';
    const principal = request.principal;
    // Platform staff use the tenant record routes as platform routes (claim mismatches were refused above).
    if (mode === 'none' || (mode === 'tenant-users' && principal?.kind === 'platform_admin')) return;
    const hints = { claim: principal?.tenantId ?? null, ...headerAndQueryTenants(request) };
    const tenantId = resolveTenant({
      ...hints,
      host: await tenantFromHost(request, services),
      body: config.tenantFromBody ? stringField(request.body, 'tenant_id') : undefined,
      path: config.tenantFromPath ? parseTenantId(stringField(request.params, 'id'), 'id') : undefined,
    });
    if (!tenantId) {
      if (mode !== 'optional')
        throw new AppError('TENANT_REQUIRED', 'Name a tenant: sign in to one or send X-Tenant-ID');
      return;
    }
    const policy =
      principal?.kind === 'platform_admin' ? 'platform_admin' : (config.tenantPolicy ?? 'request');
    const tenant = await openTenant(services.tenancy.registry, tenantId, policy);

    if (config.feature) {
      if (!featureEnabled(tenant.tier, tenant.business_domain, tenant.feature_overrides, config.feature)) {
        throw new AppError(
          'FEATURE_DISABLED',
          `The ${config.feature} feature is not enabled for this tenant`,
        );
      }
    }
    try {
      if (principal?.kind === 'platform_admin' && !config.public)
        assertMayActInTenant(principal, request.method);
      if (config.permission && principal)
        await services.permissions.assertGranted(tenant, principal, config.permission);
    } catch (refusal) {
      // Feature before permission, also when the feature is the addressed row's (SPEC §8).
      const feature = await config.featureOf?.(request, tenant);
      if (feature && !featureEnabled(tenant.tier, tenant.business_domain, tenant.feature_overrides, feature))
        throw new AppError('FEATURE_DISABLED', `The ${feature} feature is not enabled for this tenant`);
      throw refusal;
    }
    request.tenant = tenant;
    const context = requestContext.current();
    if (context) context.tenantId = tenant.id;
    request.log = request.log.child({ tenant_id: tenant.id });
    reply.header('X-Tenant-ID', tenant.id);
    reply.header('Cache-Control', 'private, no-store');
  });
}
