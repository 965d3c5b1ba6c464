import type { FastifyRequest } from 'fastify';
import type { AppServices } from '../../app/app-services.js';
import { AppError } from '../../errors.js';
import type { Permission } from '../../identity/permissions.js';
import { openTenant } from '../../tenancy/open-tenant.js';
import { resolveTenant } from '../../tenancy/resolution/resolve-tenant.js';
import { parseTenantId } from '../../tenancy/tenant-id.js';

/**
 * What makes a tenant user a tenant administrator here. The catalogue has no `tenant:manage`;
 * `branding:manage` is the permission over the tenant's own presentation and settings, and the
 * built-in owner and admin roles (and no others) hold it.
 */
export const TENANT_ADMIN_PERMISSION: Permission = 'branding:manage';

/**
 * Route preValidation for /tenants/{id}/... settings routes: a platform administrator manages
 * any tenant's record, whatever its status; a tenant caller only their own (another id is
 * TENANT_MISMATCH whether or not it exists), only while it serves, and only with `permission`
 * — the same resolution, status and permission rules as every tenant route. It runs before
 * body validation, so a caller refused here learns nothing from their body's errors.
 */
export function authorizeTenantAccess(services: AppServices, permission: Permission) {
  // The router's path parameters, not yet validated: this runs before the schema does.
  return async (request: FastifyRequest<{ Params: { id: string } }>): Promise<void> => {
    const principal = request.principal;
    if (!principal) throw new AppError('UNAUTHENTICATED', 'Sign in first: this route needs an access token');
    const id = parseTenantId(request.params.id, 'id');
    if (principal.kind === 'platform_admin') return;
    const hints = { claim: principal.tenantId, header: undefined, host: undefined, query: undefined };
    const tenantId = resolveTenant({ ...hints, body: undefined, path: id }) ?? id;
    const tenant = await openTenant(services.tenancy.registry, tenantId, 'request');
    await services.permissions.assertGranted(tenant, principal, permission);
  };
}
