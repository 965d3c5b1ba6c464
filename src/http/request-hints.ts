import type { FastifyRequest } from 'fastify';
import type { Config } from '../config.js';
import type { TenantRegistry } from '../tenancy/registry/tenant-registry.js';
import {
  resolveTenant,
  type TenantHints,
  tenantFromSubdomain,
} from '../tenancy/resolution/resolve-tenant.js';
import type { TenantId } from '../tenancy/tenant-id.js';

const NO_HOST_LOOKUP = /^(localhost|\d{1,3}(\.\d{1,3}){3}|\[[0-9a-f:]+\])$/i;

/** The tenant the request's host names: a subdomain of BASE_DOMAIN or a registered hostname. */
export async function tenantFromHost(
  request: FastifyRequest,
  services: {
    config: Pick<Config, 'baseDomain'>;
    tenancy: { registry: Pick<TenantRegistry, 'findIdByHostname'> };
  },
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

/** The tenants the X-Tenant-ID header and `?tenant_id=` name; readable before anything is looked up. */
export function headerAndQueryTenants(request: FastifyRequest): Pick<TenantHints, 'header' | 'query'> {
  const header = request.headers['x-tenant-id'];
  return {
    header: Array.isArray(header) ? header.join(',') : header,
    query: stringField(request.query, 'tenant_id'),
  };
}

/** Where a request names a tenant outside its credential and body: header, host and query. */
export async function namedTenants(
  request: FastifyRequest,
  services: Parameters<typeof tenantFromHost>[1],
): Promise<Pick<TenantHints, 'header' | 'host' | 'query'>> {
  return { ...headerAndQueryTenants(request), host: await tenantFromHost(request, services) };
}

/**
 * For a credential carried in the body (a mailed link's token, a signup's id): it names the
 * tenant as a token's claim does, so a header, host or query naming another is TENANT_MISMATCH.
 */
export async function refuseOtherTenants(
  request: FastifyRequest,
  services: Parameters<typeof tenantFromHost>[1],
  tenantId: TenantId,
): Promise<void> {
  resolveTenant({ ...(await namedTenants(request, services)), claim: tenantId, body: undefined });
}
