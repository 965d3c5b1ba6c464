import { AppError } from '../errors.js';
import type { TenantRecord, TenantStatus } from './registry/tenant-record.js';
import type { TenantRegistry } from './registry/tenant-registry.js';
import type { TenantId } from './tenant-id.js';

/**
 * Who opens a tenant: a tenant caller's request, a platform administrator acting inside
 * (audited by the caller), a background job, a mailed account token (invitation, reset,
 * verification), or a public page that must still show whose it is (the sign-in page's branding).
 */
export type OpenPolicy = 'request' | 'platform_admin' | 'job' | 'account_token' | 'public_page';

/** Why a tenant did not open, as the code a request would get. */
export type Refusal = 'TENANT_NOT_FOUND' | 'TENANT_SUSPENDED' | 'UNAVAILABLE';

/** An opening outcome: the tenant serves this caller, or the refusal. */
export type Verdict = 'open' | Refusal;

const gone = 'TENANT_NOT_FOUND';
const notReady = 'UNAVAILABLE';

/**
 * The tenant status rules, held once: policy × status → open or the refusal. A deleting or
 * deleted tenant looks exactly like a missing one; one that is not ready yet asks to retry.
 */
export const OPEN_POLICIES: Readonly<Record<OpenPolicy, Readonly<Record<TenantStatus, Verdict>>>> = {
  request: {
    active: 'open',
    suspended: 'TENANT_SUSPENDED',
    provisioning: notReady,
    failed: notReady,
    deleting: gone,
    deleted: gone,
  },
  platform_admin: {
    active: 'open',
    suspended: 'TENANT_SUSPENDED',
    provisioning: notReady,
    failed: notReady,
    deleting: gone,
    deleted: gone,
  },
  // Work queued while the tenant served still finishes when it is suspended (exports, mail).
  job: {
    active: 'open',
    suspended: 'open',
    provisioning: notReady,
    failed: notReady,
    deleting: gone,
    deleted: gone,
  },
  account_token: {
    active: 'open',
    suspended: 'TENANT_SUSPENDED',
    provisioning: notReady,
    failed: notReady,
    deleting: gone,
    deleted: gone,
  },
  // A suspended tenant's sign-in page still says whose it is; only the sign-in itself is refused.
  public_page: {
    active: 'open',
    suspended: 'open',
    provisioning: 'open',
    failed: 'open',
    deleting: gone,
    deleted: gone,
  },
};

// Jobs read the registry row itself: the cached one may be seconds behind a suspension or deletion.
const READS_FRESH: Readonly<Record<OpenPolicy, boolean>> = {
  request: false,
  platform_admin: false,
  job: true,
  account_token: false,
  public_page: false,
};

/** The verdict of `policy` on a tenant as the registry has it (undefined: no such tenant). */
export function openVerdict(policy: OpenPolicy, tenant: TenantRecord | undefined): Verdict {
  return tenant ? OPEN_POLICIES[policy][tenant.status] : gone;
}

/** The error a request gets for a refusal (403, 404 or 503 with Retry-After; codes of src/errors.ts). */
export function refusalError(refusal: Refusal): AppError {
  if (refusal === 'TENANT_SUSPENDED') return new AppError(refusal, 'This tenant is suspended');
  if (refusal === 'UNAVAILABLE') {
    return new AppError(refusal, 'This tenant is not ready yet', { headers: { 'Retry-After': '2' } });
  }
  return new AppError(refusal, 'No such tenant');
}

/**
 * The one way to open a tenant for a caller: reads the registry and applies `policy`. A
 * refusal throws `refuse(refusal)`, by default the request error; callers that must not reveal
 * the status (account tokens) or fail differently (jobs) pass their own.
 */
export async function openTenant(
  registry: Pick<TenantRegistry, 'find' | 'load'>,
  id: TenantId,
  policy: OpenPolicy,
  options: {
    refuse?: (refusal: Refusal, tenant: TenantRecord | undefined) => Error;
    /** Read the registry row itself, not the cache (a session being refreshed). */
    fresh?: boolean;
  } = {},
): Promise<TenantRecord> {
  const { refuse = refusalError, fresh = READS_FRESH[policy] } = options;
  const tenant = fresh ? await registry.load(id) : await registry.find(id);
  const verdict = openVerdict(policy, tenant);
  if (verdict !== 'open' || !tenant) throw refuse(verdict === 'open' ? gone : verdict, tenant);
  return tenant;
}
