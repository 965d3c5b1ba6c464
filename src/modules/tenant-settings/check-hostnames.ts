import type { ErrorDetail } from '../../errors.js';
import { fieldPath } from '../../protection/json-pointer-path.js';

const LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;

/** Why `host` cannot be a tenant's custom host name, or undefined when it can. */
function problemOf(host: string, baseDomain: string | undefined): string | undefined {
  if (host !== host.toLowerCase()) return 'must be lowercase';
  const labels = host.split('.');
  if (host.length > 253 || labels.length < 2 || !labels.every((label) => LABEL.test(label))) {
    return 'must be a DNS name such as app.example.com';
  }
  if (/^\d+$/.test(labels[labels.length - 1]!)) return 'must be a DNS name, not an address';
  // <tenant>.<BASE_DOMAIN> is resolved by subdomain first, so a hostname there would be shadowed.
  if (baseDomain && (host === baseDomain || host.endsWith(`.${baseDomain}`))) {
    return `must not be under ${baseDomain}: those names are tenants' subdomains`;
  }
  return undefined;
}

/** Validation details for every unusable host name in `hosts` (empty when all are fine). */
export function checkHostnames(hosts: readonly string[], baseDomain: string | undefined): ErrorDetail[] {
  const bare = baseDomain?.replace(/:\d+$/, '').toLowerCase();
  return hosts.flatMap((host, index) => {
    const problem = problemOf(host, bare);
    return problem ? [{ path: fieldPath('hostnames', index), message: problem }] : [];
  });
}
