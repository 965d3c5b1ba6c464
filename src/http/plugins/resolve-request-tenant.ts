import type { FastifyInstance } from 'fastify';
import { AppError } from '../../errors.js';
import type { TenantRecord } from '../../tenancy/registry/tenant-record.js';
import { resolveTenant } from '../../tenancy/resolution/resolve-tenant.js';
import { requestContext } from '../../tenancy/tenant-context.js';
import { featureEnabled } from '../../tenancy/tiers.js';
import type { HttpServices } from '../http-services.js';
import { stringField, tenantFromHost } from '../request-hints.js';

/** SPEC §5 status check: only an active tenant serves requests. */
export function assertServing(tenant: TenantRecord | undefined): asserts tenant is TenantRecord {
  if (!tenant || tenant.status === 'deleted' || tenant.status === 'deleting') {
    throw new AppError('TENANT_NOT_FOUND', 'No such tenant');
  }
  if (tenant.status === 'suspended') throw new AppError('TENANT_SUSPENDED', 'This tenant is suspended');
  if (tenant.status !== 'active') {
    throw new AppError('UNAVAILABLE', 'This tenant is not ready yet', { headers: { 'Retry-After': '2' } });
  }
}

/**
 * Resolves the tenant of tenant routes and runs the checks in SPEC §5 order after
 * authentication: resolution, status, feature, permission. Runs before body validation, so a
 * cross-tenant request is refused before anything about its body is said.
 */
export function resolveRequestTenantPlugin(app: FastifyInstance, services: HttpServices): void {
  app.addHook('preValidation', async (request, reply) => {
    const config = request.routeOptions.config;
    const mode = config.tenant ?? 'none';
    const principal = request.principal;
    const header = request.headers['x-tenant-id'];
    const hints = {
      claim: principal?.tenantId ?? null,
      header: Array.isArray(header) ? header.join(',') : header,
      query: stringField(request.query, 'tenant_id'),
    };
    if (mode === 'none') {
      // Platform routes do not act in a tenant, but a signed-in tenant principal that names
      // another one is still refused (SPEC §1.5), rather than silently ignored.
      if (hints.claim) resolveTenant({ ...hints, host: undefined, body: undefined });
      return;
    }
    const tenantId = resolveTenant({
      ...hints,
      host: await tenantFromHost(request, services),
      body: config.tenantFromBody ? stringField(request.body, 'tenant_id') : undefined,
    });
    if (!tenantId) {
      if (mode === 'required')
        throw new AppError('TENANT_REQUIRED', 'Name a tenant: sign in to one or send X-Tenant-ID');
      return;
    }
    const tenant = await services.tenancy.registry.find(tenantId);
    assertServing(tenant);

    if (config.feature) {
      if (!featureEnabled(tenant.tier, tenant.business_domain, tenant.feature_overrides, config.feature)) {
        throw new AppError(
          'FEATURE_DISABLED',
          `The ${config.feature} feature is not enabled for this tenant`,
        );
      }
    }
    // Platform administrators hold every permission inside a tenant (SPEC §5); an API key holds
    // exactly what it was granted; a user what the tenant's own roles table grants their roles
    // today, not what the seed once did.
    if (
      config.permission &&
      principal &&
      principal.kind !== 'platform_admin' &&
      !(principal.permissions
        ? principal.permissions.includes(config.permission)
        : await services.permissions.grants(tenant, principal.roles, config.permission))
    ) {
      throw new AppError('FORBIDDEN', `This needs the ${config.permission} permission`);
    }
    request.tenant = tenant;
    const context = requestContext.current();
    if (context) context.tenantId = tenant.id;
    request.log = request.log.child({ tenant_id: tenant.id });
    reply.header('X-Tenant-ID', tenant.id);
    reply.header('Cache-Control', 'private, no-store');
  });
}
