import type { FastifyRequest } from 'fastify';
import type { Config } from '../config.js';
import type { TenantRegistry } from '../tenancy/registry/tenant-registry.js';
import { tenantFromSubdomain } from '../tenancy/resolution/resolve-tenant.js';
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
