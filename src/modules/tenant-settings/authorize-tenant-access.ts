import type { FastifyRequest } from 'fastify';
import { AppError } from '../../errors.js';
import type { AppServices } from '../../app/app-services.js';
import { assertServing } from '../../http/plugins/resolve-request-tenant.js';
import type { Permission } from '../../identity/permissions.js';
import { parseTenantId } from '../../tenancy/tenant-id.js';

/**
 * What makes a tenant user a tenant administrator here. The catalogue has no `tenant:manage`;
 * `branding:manage` is the permission over the tenant's own presentation and settings, and the
 * built-in owner and admin roles (and no others) hold it.
 */
export const TENANT_ADMIN_PERMISSION: Permission = 'branding:manage';

/**
 * Route preValidation for /tenants/{id}/... settings routes: a platform administrator may act
 * on any tenant; a tenant user only on their own (another id is TENANT_MISMATCH whether or not
 * it exists, SPEC §1.5), only while it serves, and only with `permission`. It runs before body
 * validation, so a caller refused here learns nothing from their body's errors.
 */
export function authorizeTenantAccess(services: AppServices, permission: Permission) {
  return async (request: FastifyRequest): Promise<void> => {
    const principal = request.principal;
    if (!principal) throw new AppError('UNAUTHENTICATED', 'Sign in first: this route needs an access token');
    const id = parseTenantId((request.params as { id?: unknown }).id, 'id');
    if (principal.kind === 'platform_admin') return;
    if (principal.tenantId !== id) {
      throw new AppError(
        'TENANT_MISMATCH',
        'The request names a different tenant than the one you are signed in to',
      );
    }
    const tenant = await services.tenancy.registry.find(id);
    assertServing(tenant);
    if (!(await services.permissions.grants(tenant, principal.roles, permission))) {
      throw new AppError('FORBIDDEN', `This needs the ${permission} permission`);
    }
  };
}
