import type { TenantScope } from '../../tenancy/tenant-scope.js';
import { recordAudit } from '../audit/record-audit.js';
import { verificationMail } from './account-mails.js';
import { addUser, type UserWriteContext } from './add-user.js';
import { issueUserToken } from './user-tokens.js';
import { toUsers, type UserProfile } from './user-view.js';
import type { User } from './users.schema.js';

/**
 * Adds an active user whose password the administrator chose (hashed by the caller, outside
 * the lock) and mails them a link to confirm their address.
 */
export async function createUser(
  scope: TenantScope,
  input: { email: string; role: string; passwordHash: string; profile?: UserProfile },
  context: UserWriteContext,
): Promise<User> {
  const row = await addUser(scope, { ...input, status: 'active' }, context);
  await recordAudit(scope, {
    action: 'user.create',
    targetType: 'user',
    targetId: row.id,
    after: { email: row.email, roles: [input.role], status: row.status },
  });
  const token = await issueUserToken(scope, row.id, 'email_verification');
  context.mail.afterCommit(scope, verificationMail(context.mail, row.email, token, scope.tenantId));
  const [user] = await toUsers(scope, [row]);
  return user!;
}
