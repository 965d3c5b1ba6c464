import { v7 as uuidv7 } from 'uuid';
import { BUILT_IN_ROLES, permissionsOf } from '../../identity/permissions.js';
import { markEmailVerified } from '../users/mark-email-verified.js';
import type { TenantScope } from '../../tenancy/tenant-scope.js';

export interface FirstOwner {
  email: string;
  /** argon2id hash; null makes the owner an invitation to accept. */
  passwordHash: string | null;
  /** The owner already proved the address (a verified signup's link reached them). */
  emailVerified?: boolean;
}

/** Seeds the built-in roles and the first owner; safe to run again after a crash. */
export async function seedTenantIdentity(scope: TenantScope, owner: FirstOwner): Promise<void> {
  await scope.db
    .insertInto('roles')
    .values(
      BUILT_IN_ROLES.map((name) => ({
        tenant_id: scope.tenantId,
        name,
        permissions: [...permissionsOf(name)],
        built_in: true,
        created_at: new Date(),
      })),
    )
    .onConflict((oc) => oc.columns(['tenant_id', 'name']).doNothing())
    .execute();
  const now = new Date();
  await scope.db
    .insertInto('users')
    .values({
      tenant_id: scope.tenantId,
      id: uuidv7(),
      email: owner.email.toLowerCase(),
      password_hash: owner.passwordHash,
      status: owner.passwordHash ? 'active' : 'invited',
      created_at: now,
      updated_at: now,
    })
    .onConflict((oc) => oc.columns(['tenant_id', 'email']).doNothing())
    .execute();
  const user = await scope.db
    .selectFrom('users')
    .select('id')
    .where('tenant_id', '=', scope.tenantId)
    .where('email', '=', owner.email.toLowerCase())
    .executeTakeFirstOrThrow();
  await scope.db
    .insertInto('user_roles')
    .values({ tenant_id: scope.tenantId, user_id: user.id, role: 'owner' })
    .onConflict((oc) => oc.columns(['tenant_id', 'user_id', 'role']).doNothing())
    .execute();
  if (owner.emailVerified) await markEmailVerified(scope, { id: user.id, email: owner.email.toLowerCase() });
}
