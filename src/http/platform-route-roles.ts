import { AppError } from '../errors.js';
import type { Principal } from '../identity/access-tokens.js';
import { type PlatformRole, platformRoleOf } from '../identity/platform-roles.js';

const ALL: readonly PlatformRole[] = ['platform_admin', 'platform_support', 'platform_billing'];
const SUPPORT: readonly PlatformRole[] = ['platform_admin', 'platform_support'];
const BILLING: readonly PlatformRole[] = ['platform_admin', 'platform_billing'];

/**
 * THE table of platform routes (method and path under /api/v1) and the platform roles that may
 * call them; the README shows it. A platform route not listed here is `platform_admin` only, so a
 * new route is closed to support and billing until someone decides otherwise. Routes that act
 * inside a tenant (`tenant: 'required'`, or a tenant named on an optional one) follow
 * `assertMayActInTenant` instead. Public routes (sign-in, signup, branding) are open to all.
 */
export const PLATFORM_ROUTE_ROLES: Readonly<Record<string, readonly PlatformRole[]>> = {
  // The caller's own account.
  'GET /auth/me': ALL,
  'POST /auth/mfa/enroll': ALL,
  'POST /auth/mfa/confirm': ALL,
  'POST /auth/mfa/disable': ALL,
  // Reading tenants, their usage and the fleet.
  'GET /tenants': ALL,
  'GET /tenants/:id': ALL,
  'GET /tenants/:id/config': ALL,
  'GET /tenants/:id/stats': ALL,
  'GET /tenants/:id/billing': ALL,
  'GET /console/metrics': ALL,
  'GET /reports/tenants': ALL,
  'GET /reports/summary': ALL,
  // Support looks closer, and changes nothing.
  'GET /tenants/:id/health': SUPPORT,
  'GET /tenants/:id/oidc': SUPPORT,
  'GET /demo-requests': SUPPORT,
  'GET /platform/doctor': SUPPORT,
  // Billing keeps the billing customer mapping.
  'PUT /tenants/:id/billing': BILLING,
  // Everything else — creating, changing, suspending, deleting, exporting (and downloading
  // exports), importing, demo decisions, the mail outbox, platform administrators — is
  // platform_admin only, listed or not.
};

const refused = (message: string) => new AppError('FORBIDDEN', message);

/** The roles that may call a platform route; `platform_admin` alone for one not in the table. */
export function platformRolesFor(method: string, url: string): readonly PlatformRole[] {
  const path = url.startsWith('/api/v1/') ? url.slice('/api/v1'.length) : url;
  const verb = method === 'HEAD' ? 'GET' : method;
  return PLATFORM_ROUTE_ROLES[`${verb} ${path}`] ?? ['platform_admin'];
}

/** Refuses (403) a platform principal whose role the route's table entry does not name. */
export function assertPlatformRoute(principal: Principal, method: string, url: string): void {
  const role = platformRoleOf(principal.roles);
  if (role && platformRolesFor(method, url).includes(role)) return;
  throw refused('Your platform role does not allow this');
}

/**
 * A platform principal acting inside a tenant: `platform_admin` may do anything, `platform_support`
 * only read (GET, HEAD), `platform_billing` nothing at all. Every such request is audited.
 */
export function assertMayActInTenant(principal: Principal, method: string): void {
  const role = platformRoleOf(principal.roles);
  if (role === 'platform_admin') return;
  if (role === 'platform_support' && (method === 'GET' || method === 'HEAD')) return;
  throw refused(
    role === 'platform_support'
      ? 'Platform support may only read inside a tenant'
      : 'Your platform role cannot act inside a tenant',
  );
}
