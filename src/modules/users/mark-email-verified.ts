import type { TenantScope } from '../../tenancy/tenant-scope.js';

/** Records that the user proved they read mail at their current address (a link reached them). */
export async function markEmailVerified(
  scope: TenantScope,
  user: { id: string; email: string },
): Promise<void> {
  const now = new Date();
  await scope.db
    .insertInto('email_verifications')
    .values({ tenant_id: scope.tenantId, user_id: user.id, email: user.email, verified_at: now })
    .onConflict((oc) =>
      oc.columns(['tenant_id', 'user_id']).doUpdateSet({ email: user.email, verified_at: now }),
    )
    .execute();
}
