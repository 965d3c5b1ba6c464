import { Type } from '@sinclair/typebox';
import type { FastifyRequest } from 'fastify';
import type { AppServices } from '../../../app/app-services.js';
import { AppError } from '../../../errors.js';
import {
  dataEnvelope,
  inTenant,
  sendData,
  sendNoContent,
  type TenantRoutes,
} from '../../../http/route-kit.js';
import { findUserById } from '../../identity/find-user-by-id.js';
import { findAdminAccount } from '../find-admin-account.js';
import { beginLoginAttempt } from '../login-attempts.js';
import { AdminMfaStore } from './admin-mfa-store.js';
import { confirmMfa } from './confirm-mfa.js';
import { disableMfa } from './disable-mfa.js';
import { enrollMfa } from './enroll-mfa.js';
import { ConfirmMfaBody, DisableMfaBody, MfaEnrollment, MfaStatus, RecoveryCodes } from './mfa.schema.js';
import type { MfaStore } from './mfa-store.js';
import { TenantMfaStore } from './tenant-mfa-store.js';

const tags = ['auth'];

/**
 * Route preValidation: a key has no account to guard, and its id is no user's, so a store opened
 * for it would answer about nobody. Runs after resolution, before the body is validated.
 */
async function refuseApiKeys(request: FastifyRequest): Promise<void> {
  if (request.principal?.kind === 'api_key')
    throw new AppError('FORBIDDEN', 'API keys have no second factor');
}

/** The caller's own MFA: an administrator's even when acting inside a tenant with X-Tenant-ID. */
function storeOf(request: FastifyRequest, services: AppServices): MfaStore {
  const principal = request.principal!;
  if (principal.kind === 'platform_admin')
    return new AdminMfaStore(services.tenancy.platformDb, principal.id, services.tenancy.endpoints.secrets);
  return new TenantMfaStore(services.tenancy, request.tenant!, principal.id);
}

/** The account name an authenticator app shows: the email, and the tenant for tenant users. */
async function accountOf(request: FastifyRequest, services: AppServices): Promise<string> {
  const principal = request.principal!;
  if (principal.kind === 'tenant_user') {
    const user = await inTenant(request, services, (scope) => findUserById(scope, principal.id));
    return `${user.email} (${principal.tenantId})`;
  }
  return (await findAdminAccount(services.tenancy.platformDb, principal.id)).email;
}

/**
 * TOTP enrolment for the signed-in user. Enrol and confirm accept an MFA-setup token
 * (REQUIRE_ADMIN_MFA), so an administrator without MFA can still turn it on.
 */
export function mfaRoutes(app: TenantRoutes, services: AppServices): void {
  app.get(
    '/auth/mfa',
    {
      schema: {
        summary: 'Whether the caller’s MFA is off, pending confirmation or on',
        operationId: 'getMfaStatus',
        tags,
        response: { 200: dataEnvelope(MfaStatus) },
      },
      config: { tenant: 'optional', mfaSetup: true },
      preValidation: refuseApiKeys,
    },
    async (request, reply) => {
      const state = await storeOf(request, services).get();
      return sendData(reply, { status: state?.status === 'active' ? 'on' : state ? 'pending' : 'off' });
    },
  );

  app.post(
    '/auth/mfa/enroll',
    {
      schema: {
        summary: 'Start MFA enrolment (TOTP secret)',
        operationId: 'enrollMfa',
        tags,
        response: { 200: dataEnvelope(MfaEnrollment) },
      },
      config: { tenant: 'optional', mfaSetup: true },
      preValidation: refuseApiKeys,
    },
    async (request, reply) => {
      const enrollment = await enrollMfa(storeOf(request, services), await accountOf(request, services));
      return sendData(reply, enrollment);
    },
  );

  app.post(
    '/auth/mfa/confirm',
    {
      schema: {
        summary: 'Confirm MFA enrolment with a first code',
        operationId: 'confirmMfa',
        tags,
        body: ConfirmMfaBody,
        response: { 200: dataEnvelope(RecoveryCodes) },
      },
      config: { tenant: 'optional', mfaSetup: true },
      preValidation: refuseApiKeys,
    },
    async (request, reply) => {
      const { totp } = request.body;
      return sendData(reply, await confirmMfa(storeOf(request, services), totp));
    },
  );

  app.post(
    '/auth/mfa/disable',
    {
      schema: {
        summary: 'Turn MFA off',
        operationId: 'disableMfa',
        tags,
        body: DisableMfaBody,
        response: { 204: Type.Null() },
      },
      config: { tenant: 'optional' },
      preValidation: refuseApiKeys,
    },
    async (request, reply) => {
      const principal = request.principal!;
      // Guessing codes with a stolen access token is throttled like guessing passwords.
      const attempt = await beginLoginAttempt(services.rateLimits, services.config.loginLockoutSeconds, {
        scope: `mfa:${principal.tenantId ?? ''}`,
        account: principal.id,
        address: request.ip,
      });
      await disableMfa(storeOf(request, services), request.body);
      await attempt.succeeded();
      return sendNoContent(reply);
    },
  );
}
