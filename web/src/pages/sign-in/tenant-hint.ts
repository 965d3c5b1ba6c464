const LAST_TENANT = 'tenantbase.last_tenant';
const NOT_TENANTS = new Set(['www', 'app', 'api', 'admin', 'internal']);

/** `<tenant>.<domain>` hosts name their tenant (SPEC §5); localhost and addresses name none. */
export function tenantFromHost(hostname: string = window.location.hostname): string | null {
  if (/^[\d.]+$|^\[|:/.test(hostname)) return null;
  const labels = hostname.toLowerCase().split('.');
  const enough = labels.length >= 3 || (labels.length === 2 && labels[1] === 'localhost');
  const first = labels[0] ?? '';
  return enough && !NOT_TENANTS.has(first) ? first : null;
}

/** The workspace to prefill: the link's, the host's, or the one last signed in to here. */
export function initialTenant(params: URLSearchParams): string {
  return params.get('tenant') ?? tenantFromHost() ?? localStorage.getItem(LAST_TENANT) ?? '';
}

export function rememberTenant(tenantId: string): void {
  if (tenantId) localStorage.setItem(LAST_TENANT, tenantId);
  else localStorage.removeItem(LAST_TENANT);
}

/** Where to go after signing in: only a path inside the console, never another site. */
export function safeNext(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') ? next : '/';
}

/** The tenant a mailed token belongs to: tokens are `<tenant_id>.<secret>` (`admin`: the platform). */
export function tenantOfToken(token: string): string | null {
  const dot = token.indexOf('.');
  const owner = dot > 0 ? token.slice(0, dot) : null;
  return owner === 'admin' ? null : owner;
}
