import type { TenantScope } from '../../tenancy/tenant-scope.js';
import { recordAudit } from '../audit/record-audit.js';
import { invalidToken } from './account-token.js';
import { markEmailVerified } from './mark-email-verified.js';
import { consumeUserToken } from './user-tokens.js';

/** Sets a new password with a reset link; a disabled user's link is as dead as a used one. */
export async function resetPassword(
  scope: TenantScope,
  token: string,
  passwordHash: string,
): Promise<{ id: string; email: string }> {
  const userId = await consumeUserToken(scope, token, 'password_reset');
  const user = await scope.db
    .updateTable('users')
    .set({ password_hash: passwordHash, updated_at: new Date() })
    .where('tenant_id', '=', scope.tenantId)
    .where('id', '=', userId)
    .where('status', '=', 'active')
    .returning(['id', 'email'])
    .executeTakeFirst();
  if (!user) throw invalidToken();
  await markEmailVerified(scope, user);
  await recordAudit(scope, { action: 'user.password_reset', targetType: 'user', targetId: user.id });
  return user;
}
