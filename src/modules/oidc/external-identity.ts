import type { TenantScope } from '../../tenancy/tenant-scope.js';
import { requestContext } from '../../tenancy/tenant-context.js';
import { type AuditEntry, recordAudit } from '../audit/record-audit.js';

/** What a verified provider token says about its bearer, as the tenant sees it. */
export interface ExternalIdentity {
  issuer: string;
  subject: string;
  /** The email claim, lowercased; null when absent or marked unverified by the provider. */
  email: string | null;
  /** Tenant role names the claims map to (possibly naming a role deleted since). */
  roles: string[];
}

/** The tenant user an external identity signs in as. */
export interface LinkedUser {
  id: string;
  email: string;
  roles: string[];
}

/** The subset of `names` that are roles of the tenant today; user_roles could hold no other. */
export async function existingRoles(scope: TenantScope, names: readonly string[]): Promise<string[]> {
  if (names.length === 0) return [];
  const rows = await scope.db
    .selectFrom('roles')
    .select('name')
    .where('tenant_id', '=', scope.tenantId)
    .where('name', 'in', [...names])
    .execute();
  return rows.map((row) => row.name).sort();
}

/**
 * Records a change made on the provider's word. The request has no principal yet, so the
 * actor is the user being signed in: that is who the provider vouched for.
 */
export function auditAsUser(scope: TenantScope, userId: string, entry: AuditEntry): Promise<void> {
  const current = requestContext.current();
  return requestContext.run(
    {
      requestId: current?.requestId ?? 'oidc',
      tenantId: scope.tenantId,
      actorId: userId,
      actorType: 'tenant_user',
    },
    () => recordAudit(scope, entry),
  );
}
