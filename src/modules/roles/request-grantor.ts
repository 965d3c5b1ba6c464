import type { FastifyRequest } from 'fastify';
import type { AppServices } from '../../app/app-services.js';
import type { Grantor } from './role-grants.js';

/** What the caller of a tenant route may grant: everything for a platform administrator, else what their roles hold. */
export async function grantorOf(request: FastifyRequest, services: AppServices): Promise<Grantor> {
  const principal = request.principal;
  if (principal?.kind === 'platform_admin') return { kind: 'all' };
  const permissions = await services.permissions.permissionsOf(request.tenant!, principal?.roles ?? []);
  return { kind: 'holder', permissions };
}
