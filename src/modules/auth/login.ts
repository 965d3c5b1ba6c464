import { AppError } from '../../errors.js';
import type { AccessTokens, Principal } from '../../identity/access-tokens.js';
import { verifyPassword } from '../../identity/passwords.js';
import type { TenantRecord } from '../../tenancy/registry/tenant-record.js';
import type { Tenancy } from '../../tenancy/tenancy.js';
import { findUserByEmail } from '../identity/find-user-by-email.js';

const rejected = () => new AppError('UNAUTHENTICATED', 'The email or password is incorrect');

export interface LoginResult {
  access_token: string;
  token_type: 'Bearer';
  expires_in: number;
  user: { id: string; email: string; roles: string[] };
  tenant_id: string | null;
}

/**
 * Signs in a tenant user when a tenant resolved, a platform administrator otherwise. Unknown
 * email and wrong password give the same answer after the same argon2 work.
 */
export async function login(
  tenancy: Tenancy,
  tokens: AccessTokens,
  input: { email: string; password: string },
  tenant: TenantRecord | null,
): Promise<LoginResult> {
  let principal: Principal;
  if (tenant) {
    const user = await tenancy.withTenant(tenant, (scope) => findUserByEmail(scope, input.email));
    const ok = await verifyPassword(user?.password_hash, input.password);
    if (!user || !ok || user.status !== 'active') throw rejected();
    principal = {
      kind: 'tenant_user',
      id: user.id,
      tenantId: tenant.id,
      roles: user.roles,
      email: user.email,
    };
  } else {
    const admin = await tenancy.platformDb
      .selectFrom('platform.platform_admins')
      .select(['id', 'email', 'password_hash'])
      .where('email', '=', input.email.toLowerCase())
      .executeTakeFirst();
    const ok = await verifyPassword(admin?.password_hash, input.password);
    if (!admin || !ok) throw rejected();
    principal = {
      kind: 'platform_admin',
      id: admin.id,
      tenantId: null,
      roles: ['platform_admin'],
      email: admin.email,
    };
  }
  return {
    access_token: await tokens.issue(principal),
    token_type: 'Bearer',
    expires_in: tokens.ttlSeconds,
    user: { id: principal.id, email: principal.email!, roles: principal.roles },
    tenant_id: principal.tenantId,
  };
}
