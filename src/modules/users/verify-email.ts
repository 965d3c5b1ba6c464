import type { TenantScope } from '../../tenancy/tenant-scope.js';
import { recordAudit } from '../audit/record-audit.js';
import { markEmailVerified } from './mark-email-verified.js';
import { consumeUserToken } from './user-tokens.js';

/** Confirms the address a verification link was mailed to. */
export async function verifyEmail(scope: TenantScope, token: string): Promise<{ id: string; email: string }> {
  const userId = await consumeUserToken(scope, token, 'email_verification');
  const user = await scope.db
    .selectFrom('users')
    .select(['id', 'email'])
    .where('tenant_id', '=', scope.tenantId)
    .where('id', '=', userId)
    .executeTakeFirstOrThrow();
  await markEmailVerified(scope, user);
  await recordAudit(scope, { action: 'user.verify_email', targetType: 'user', targetId: user.id });
  return user;
}
