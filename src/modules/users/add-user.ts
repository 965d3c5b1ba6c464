import { v7 as uuidv7 } from 'uuid';
import { AppError } from '../../errors.js';
import type { MailQueue } from '../../mail/mail-queue.js';
import type { TenantScope } from '../../tenancy/tenant-scope.js';
import { assertSeatFree } from '../identity/assert-seat-free.js';
import { lockTenantIdentity } from '../identity/lock-tenant-identity.js';
import { assertMayGrant, type Grantor, permissionsOfRoles } from '../roles/role-grants.js';
import { USER_COLUMNS, type UserProfile, type UserRow } from './user-view.js';
import { isEmailTaken } from '../identity/is-email-taken.js';

/** What adding a user depends on besides its fields: the seat limit, the caller, the mail. */
export interface UserWriteContext {
  /** The tier's effective max_users; null is unlimited. */
  maxUsers: number | null;
  grantor: Grantor;
  mail: MailQueue;
  tenant: { id: string; name: string };
}

export interface NewUser {
  email: string;
  role: string;
  passwordHash: string | null;
  status: 'active' | 'invited';
  profile?: UserProfile;
}

/**
 * Adds a user with one role inside the tier's seat limit. Lock, count and insert happen in one
 * transaction under the tenant's identity lock, so of fifty concurrent invitations for the last
 * seat exactly one is admitted. Every user counts, pending invitations and the owner included.
 */
export async function addUser(
  scope: TenantScope,
  input: NewUser,
  context: UserWriteContext,
): Promise<UserRow> {
  await lockTenantIdentity(scope);
  assertMayGrant(context.grantor, await permissionsOfRoles(scope, [input.role], 'role'));
  const email = input.email.toLowerCase();
  if (await isEmailTaken(scope, email)) {
    throw new AppError('CONFLICT', 'A user with this email already exists in this tenant');
  }
  await assertSeatFree(scope, context.maxUsers);
  const now = new Date();
  const row = await scope.db
    .insertInto('users')
    .values({
      tenant_id: scope.tenantId,
      id: uuidv7(),
      email,
      password_hash: input.passwordHash,
      status: input.status,
      ...input.profile,
      created_at: now,
      updated_at: now,
    })
    .returning(USER_COLUMNS)
    .executeTakeFirstOrThrow();
  await scope.db
    .insertInto('user_roles')
    .values({ tenant_id: scope.tenantId, user_id: row.id, role: input.role })
    .execute();
  return row;
}
