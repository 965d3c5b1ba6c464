import type { TenantScope } from '../../tenancy/tenant-scope.js';
import { recordAudit } from '../audit/record-audit.js';
import { addUser, type UserWriteContext } from './add-user.js';
import { sendInvitation } from './send-invitation.js';
import { toUsers, type UserProfile } from './user-view.js';
import type { User } from './users.schema.js';

/** Adds an `invited` user (a seat is taken at once) and mails them a single-use link. */
export async function inviteUser(
  scope: TenantScope,
  input: { email: string; role: string; profile?: UserProfile },
  context: UserWriteContext,
): Promise<User> {
  const row = await addUser(scope, { ...input, passwordHash: null, status: 'invited' }, context);
  await recordAudit(scope, {
    action: 'user.invite',
    targetType: 'user',
    targetId: row.id,
    after: { email: row.email, roles: [input.role], status: row.status },
  });
  await sendInvitation(scope, row, context.mail, context.tenant);
  const [user] = await toUsers(scope, [row]);
  return user!;
}
