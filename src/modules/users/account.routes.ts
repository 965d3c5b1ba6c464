import type { FastifyReply } from 'fastify';
import type { AppServices } from '../../app/app-services.js';
import {
  dataEnvelope,
  namedTenants,
  refuseOtherTenants,
  sendData,
  type TenantRoutes,
} from '../../http/route-kit.js';
import { hashPassword } from '../../identity/passwords.js';
import { acceptInvitation } from './accept-invitation.js';
import { invalidToken, PLATFORM_TOKEN_PREFIX, tokenOwner } from './account-token.js';
import { limitResetRequests } from './limit-reset-requests.js';
import { enqueuePasswordReset } from './password-reset-job.js';
import { revokeRefreshTokensOf } from '../../identity/refresh-tokens.js';
import { resetAdminPassword } from './reset-admin-password.js';
import { resetPassword } from './reset-password.js';
import { inTokenTenant } from './token-tenant.js';
import {
  AcceptInviteBody,
  AccountResult,
  ForgotPasswordAnswer,
  ForgotPasswordBody,
  ResetPasswordBody,
  VerifyEmailBody,
} from './users.schema.js';
import { verifyEmail } from './verify-email.js';
import { SignupProgress } from '../signup/signup.schema.js';
import { isSignupToken } from '../signup/signup-token.js';
import { verifySignup } from '../signup/verify-signup.js';

const tags = ['auth'];
const RESET_ANSWER = 'If an account uses this address, a reset link is on its way.';

function sendAccount(reply: FastifyReply, tenantId: string | null, user: { id: string; email: string }) {
  if (tenantId) reply.header('X-Tenant-ID', tenantId);
  return sendData(reply, {
    user_id: user.id,
    email: user.email,
    tenant_id: tenantId,
  } satisfies AccountResult);
}

/**
 * The links mailed to people: accept an invitation, reset a password, verify an address. Each
 * token names its tenant (`<tenant_id>.<secret>`), so these public routes find the storage that
 * holds it; a wrong, used or expired token is always the same 400 VALIDATION_FAILED on `token`.
 * The token's tenant is then the request's: a header, host or query naming another is refused
 * before the token is looked at.
 */
export function accountRoutes(app: TenantRoutes, services: AppServices): void {
  const { tenancy } = services;

  app.post(
    '/auth/accept-invite',
    {
      schema: {
        summary: 'Accept an invitation and set a password',
        operationId: 'acceptInvitation',
        tags,
        body: AcceptInviteBody,
        response: { 200: dataEnvelope(AccountResult) },
      },
      config: { public: true },
    },
    async (request, reply) => {
      const { token, password } = request.body;
      const owner = tokenOwner(token);
      if (owner === PLATFORM_TOKEN_PREFIX) throw invalidToken();
      await refuseOtherTenants(request, services, owner);
      // Hashed before the scope opens: no transaction waits for argon2.
      const passwordHash = await hashPassword(password);
      const user = await inTokenTenant(tenancy, owner, (scope) =>
        acceptInvitation(scope, token, passwordHash),
      );
      return sendAccount(reply, owner, user);
    },
  );

  app.post(
    '/auth/forgot-password',
    {
      schema: {
        summary: 'Mail a password reset link',
        operationId: 'requestPasswordReset',
        tags,
        body: ForgotPasswordBody,
        response: { 202: dataEnvelope(ForgotPasswordAnswer) },
      },
      config: { public: true, tenant: 'optional', tenantFromBody: true },
    },
    async (request, reply) => {
      const { email } = request.body;
      const tenant = request.tenant;
      await limitResetRequests(request, services, tenant?.id ?? null, email);
      // The lookup runs as a job: the answer must not reveal, by its body or by its timing,
      // whether the account exists, and known and unknown emails both cost exactly this insert.
      await enqueuePasswordReset(services.jobs, tenant?.id ?? null, email);
      return sendData(reply, { message: RESET_ANSWER }, { status: 202 });
    },
  );

  app.post(
    '/auth/reset-password',
    {
      schema: {
        summary: 'Set a new password with a reset token',
        operationId: 'resetPassword',
        tags,
        body: ResetPasswordBody,
        response: { 200: dataEnvelope(AccountResult) },
      },
      config: { public: true },
    },
    async (request, reply) => {
      const { token, password } = request.body;
      const owner = tokenOwner(token);
      if (owner === PLATFORM_TOKEN_PREFIX) {
        const admin = await resetAdminPassword(tenancy.platformDb, token, await hashPassword(password));
        // A reset is what a user does when a password may be known to someone else: end every session.
        await revokeRefreshTokensOf(tenancy.platformDb, { subject: admin.id, tenantId: null });
        return sendAccount(reply, null, admin);
      }
      await refuseOtherTenants(request, services, owner);
      const passwordHash = await hashPassword(password);
      const user = await inTokenTenant(tenancy, owner, (scope) => resetPassword(scope, token, passwordHash));
      await revokeRefreshTokensOf(tenancy.platformDb, { subject: user.id, tenantId: owner });
      return sendAccount(reply, owner, user);
    },
  );

  app.post(
    '/auth/verify-email',
    {
      schema: {
        summary: 'Verify an email address with its token',
        operationId: 'verifyEmail',
        tags,
        description:
          'A tenant user’s token (`<tenant_id>.<secret>`) verifies their address (200). A signup’s ' +
          'token (`signup_...`) registers the signed-up tenant and answers 202 with its progress; ' +
          'following it again answers the tenant’s current status.',
        body: VerifyEmailBody,
        response: { 200: dataEnvelope(AccountResult), 202: dataEnvelope(SignupProgress) },
      },
      config: { public: true },
    },
    async (request, reply) => {
      const { token } = request.body;
      if (isSignupToken(token)) {
        const named = await namedTenants(request, services);
        return sendData(reply, await verifySignup(tenancy, token, named), { status: 202 });
      }
      const owner = tokenOwner(token);
      if (owner === PLATFORM_TOKEN_PREFIX) throw invalidToken();
      await refuseOtherTenants(request, services, owner);
      const user = await inTokenTenant(tenancy, owner, (scope) => verifyEmail(scope, token));
      return sendAccount(reply, owner, user);
    },
  );
}
