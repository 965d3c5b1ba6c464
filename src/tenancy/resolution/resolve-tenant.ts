import { AppError } from '../../errors.js';
import { isTenantId, parseTenantId, type TenantId } from '../tenant-id.js';

/** Every place a request may name a tenant, in the order tried after the token claim. */
export interface TenantHints {
  /** `tenant_id` claim of a verified token; null for a platform administrator or no token. */
  claim: TenantId | null;
  header: string | undefined;
  /** Tenant named by the host (subdomain of BASE_DOMAIN or a registered hostname). */
  host: TenantId | undefined;
  query: string | undefined;
  /** Only read on login, signup and password reset. */
  body: string | undefined;
  /** The tenant a route's path names (`/tenants/{id}/...`); checked against the claim, parsed otherwise. */
  path?: string;
}

const mismatch = () =>
  new AppError('TENANT_MISMATCH', 'The request names a different tenant than the one you are signed in to');

/**
 * Picks the tenant a request acts in. The token claim wins and any other source naming a
 * different tenant is refused (whether that tenant exists or not); without a claim the first
 * source that names one is used, and sources that disagree with each other are refused too.
 */
export function resolveTenant(hints: TenantHints): TenantId | undefined {
  const named: Array<{ value: string; path: string }> = [];
  if (hints.header !== undefined) named.push({ value: hints.header.trim(), path: 'X-Tenant-ID' });
  if (hints.host !== undefined) named.push({ value: hints.host, path: 'host' });
  if (hints.query !== undefined) named.push({ value: hints.query, path: 'tenant_id' });
  if (hints.body !== undefined) named.push({ value: hints.body, path: 'tenant_id' });
  if (hints.path !== undefined) named.push({ value: hints.path, path: 'id' });

  if (hints.claim) {
    if (named.some((source) => source.value !== hints.claim)) throw mismatch();
    return hints.claim;
  }
  const first = named[0];
  if (!first) return undefined;
  const tenantId = parseTenantId(first.value, first.path);
  if (named.some((source) => source.value !== tenantId)) throw mismatch();
  return tenantId;
}

/** The tenant a host name points at: `<tenant>.<baseDomain>`, ignoring reserved labels. */
export function tenantFromSubdomain(host: string, baseDomain: string | undefined): TenantId | undefined {
  if (!baseDomain) return undefined;
  const suffix = `.${baseDomain}`;
  if (!host.endsWith(suffix)) return undefined;
  const label = host.slice(0, -suffix.length);
  return isTenantId(label) ? label : undefined;
}
