import type { FastifyRequest } from 'fastify';
import { AppError } from '../errors.js';
import type { Tenancy } from '../tenancy/tenancy.js';
import type { TenantScope } from '../tenancy/tenant-scope.js';

const READS = new Set(['GET', 'HEAD']);

/**
 * Runs a use case in the tenant the request resolved to; routes never pick storage themselves.
 * GET and HEAD get a read scope: read-only statements without a transaction around them.
 */
export function inTenant<T>(
  request: FastifyRequest,
  services: { tenancy: Pick<Tenancy, 'withTenant'> },
  work: (scope: TenantScope) => Promise<T>,
): Promise<T> {
  const tenant = request.tenant;
  if (!tenant) throw new AppError('TENANT_REQUIRED', 'This route needs a tenant');
  return services.tenancy.withTenant(tenant, work, READS.has(request.method) ? 'read' : 'write');
}
