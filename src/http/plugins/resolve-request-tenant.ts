import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from '../../errors.js';
import type { TenantRecord } from '../../tenancy/registry/tenant-record.js';
import { resolveTenant, tenantFromSubdomain } from '../../tenancy/resolution/resolve-tenant.js';
import { requestContext } from '../../tenancy/tenant-context.js';
import type { TenantId } from '../../tenancy/tenant-id.js';
import { featureEnabled } from '../../tenancy/tiers.js';
import type { AppServices } from '../app-services.js';

const NO_HOST_LOOKUP = /^(localhost|\d{1,3}(\.\d{1,3}){3}|\[[0-9a-f:]+\])$/i;

/** The tenant the request's host names: a subdomain of BASE_DOMAIN or a registered hostname. */
export async function tenantFromHost(
  request: FastifyRequest,
  services: AppServices,
): Promise<TenantId | undefined> {
  // A trailing dot (fully qualified) names the same host, so it must name the same tenant.
  const host = request.hostname.toLowerCase().replace(/\.$/, '');
  if (!host || NO_HOST_LOOKUP.test(host)) return undefined;
  const { baseDomain } = services.config;
  const bare = baseDomain?.replace(/:\d+$/, '');
  if (bare && host === bare) return undefined;
  return tenantFromSubdomain(host, bare) ?? (await services.tenancy.registry.findIdByHostname(host));
}

/** A string field of the query or body; a repeated one joined, so it is checked like any other. */
export function stringField(value: unknown, field: string): string | undefined {
  if (!value || typeof value !== 'object') return undefined;
  const found = (value as Record<string, unknown>)[field];
  if (Array.isArray(found)) return found.map(String).join(',');
  return typeof found === 'string' ? found : undefined;
}

/** The status check: only an active tenant serves requests. */
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
 * Resolves the tenant of tenant routes and runs the checks in their order (README, Architecture) after
 * authentication: resolution, status, feature, permission. Runs before body validation, so a
 * cross-tenant request is refused before anything about its body is said.
 */
export function resolveRequestTenantPlugin(app: FastifyInstance, services: AppServices): void {
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
      // another one is still refused (TENANT_MISMATCH), rather than silently ignored.
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
    // Platform administrators hold every permission inside a tenant; an API key holds
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
