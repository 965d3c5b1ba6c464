import { AppError } from '../../errors.js';
import type { Principal } from '../../identity/access-tokens.js';
import { verifyPassword } from '../../identity/passwords.js';
import type { RefreshGrant } from '../../identity/refresh-tokens.js';
import type { TenantRecord } from '../../tenancy/registry/tenant-record.js';
import { findUserByEmail } from '../identity/find-user-by-email.js';
import type { AuthDeps } from './auth-deps.js';
import type { LoginBody, Session } from './auth.schema.js';
import { adminPrincipal, currentPrincipal } from './current-principal.js';
import { findAdminCredentials } from './find-admin-credentials.js';
import { beginLoginAttempt } from './login-attempts.js';
import { AdminMfaStore } from './mfa/admin-mfa-store.js';
import type { MfaStore } from './mfa/mfa-store.js';
import { passSecondFactor } from './mfa/pass-second-factor.js';
import { TenantMfaStore } from './mfa/tenant-mfa-store.js';
import { startSession } from './start-session.js';

const rejected = () => new AppError('UNAUTHENTICATED', 'The email or password is incorrect');

/** Whether the account has MFA on; when it has, a wrong or missing code is a 401 naming `totp`. */
async function requireSecondFactor(store: MfaStore, input: LoginBody): Promise<boolean> {
  const state = await store.get();
  if (state?.status !== 'active') return false;
  if (await passSecondFactor(store, state, input)) return true;
  throw new AppError('UNAUTHENTICATED', 'Enter the current code of your authenticator app', {
    details: [{ path: 'totp', message: 'required' }],
  });
}

async function tenantUser(deps: AuthDeps, tenant: TenantRecord, input: LoginBody): Promise<Principal> {
  const user = await deps.tenancy.withTenant(tenant, (scope) => findUserByEmail(scope, input.email));
  const ok = await verifyPassword(user?.password_hash, input.password);
  if (!user || !ok || user.status !== 'active') throw rejected();
  await requireSecondFactor(new TenantMfaStore(deps.tenancy, tenant, user.id), input);
  return { kind: 'tenant_user', id: user.id, tenantId: tenant.id, roles: user.roles, email: user.email };
}

async function administrator(deps: AuthDeps, input: LoginBody): Promise<Principal> {
  const db = deps.tenancy.platformDb;
  const admin = await findAdminCredentials(deps.tenancy.adminPool, input.email);
  const ok = await verifyPassword(admin?.password_hash, input.password);
  if (!admin || !ok) throw rejected();
  const enrolled = await requireSecondFactor(
    new AdminMfaStore(db, admin.id, deps.tenancy.endpoints.secrets),
    input,
  );
  return adminPrincipal(admin, !enrolled && deps.config.requireAdminMfa);
}

/**
 * Signs in a tenant user when a tenant resolved, a platform administrator otherwise. Unknown
 * email and wrong password give the same answer after the same argon2 work; attempts are
 * counted per account and per address first (see beginLoginAttempt).
 */
export async function login(
  deps: AuthDeps,
  input: LoginBody,
  context: { tenant: TenantRecord | null; address: string },
): Promise<Session> {
  const attempt = await beginLoginAttempt(deps.rateLimits, deps.config.loginLockoutSeconds, {
    scope: context.tenant?.id ?? '',
    account: input.email,
    address: context.address,
  });
  const checked = context.tenant
    ? await tenantUser(deps, context.tenant, input)
    : await administrator(deps, input);
  await attempt.succeeded();
  // Re-read after the token generation: a removal racing this sign-in then outdates its token.
  const kind = checked.kind as RefreshGrant['kind'];
  return startSession(
    deps,
    await currentPrincipal(deps, { kind, subject: checked.id, tenantId: checked.tenantId }),
  );
}
