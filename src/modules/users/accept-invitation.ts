import type { TenantScope } from '../../tenancy/tenant-scope.js';
import { recordAudit } from '../audit/record-audit.js';
import { invalidToken } from './account-token.js';
import { markEmailVerified } from './mark-email-verified.js';
import { consumeUserToken } from './user-tokens.js';

/**
 * Sets an invited user's password and activates them. The link is spent even when the user
 * was disabled meanwhile, and a second use finds nothing: both answer "invalid token".
 */
export async function acceptInvitation(
  scope: TenantScope,
  token: string,
  passwordHash: string,
): Promise<{ id: string; email: string }> {
  const userId = await consumeUserToken(scope, token, 'invitation');
  const user = await scope.db
    .updateTable('users')
    .set({ password_hash: passwordHash, status: 'active', updated_at: new Date() })
    .where('tenant_id', '=', scope.tenantId)
    .where('id', '=', userId)
    .where('status', '=', 'invited')
    .returning(['id', 'email'])
    .executeTakeFirst();
  if (!user) throw invalidToken();
  // The invitation reached this address, which proves it as well as a verification link would.
  await markEmailVerified(scope, user);
  await recordAudit(scope, {
    action: 'user.accept_invitation',
    targetType: 'user',
    targetId: user.id,
    after: { status: 'active' },
  });
  return user;
}
