import type { AppServices } from '../../app/app-services.js';
import { AppError } from '../../errors.js';
import { dataEnvelope, refuseOtherTenants, sendData, type TenantRoutes } from '../../http/route-kit.js';
import { isTenantId } from '../../tenancy/tenant-id.js';
import { checkAvailability } from './check-availability.js';
import { createSignup } from './create-signup.js';
import { limitAvailabilityChecks, limitSignups } from './limit-signups.js';
import { Availability, AvailabilityQuery, SignupBody, SignupProgress } from './signup.schema.js';

const tags = ['auth'];

/**
 * Self-service signup (SPEC §8): anyone files one, the mailed link (`POST /auth/verify-email`
 * with a `signup_` token, users module) provisions the tenant. Both routes are public and limited
 * per source address (strict class: without the shared store they refuse).
 */
export function signupRoutes(app: TenantRoutes, services: AppServices): void {
  app.post(
    '/auth/signup',
    {
      schema: {
        summary: 'Sign up for a new tenant (mails a verification link)',
        operationId: 'signup',
        tags,
        body: SignupBody,
        response: { 202: dataEnvelope(SignupProgress) },
      },
      config: { public: true },
    },
    async (request, reply) => {
      const body = request.body;
      // The id signed up for is the request's tenant; a malformed one is createSignup's 400.
      const tenantId = body.tenant_id.trim();
      if (isTenantId(tenantId)) await refuseOtherTenants(request, services, tenantId);
      if (services.config.signupEnabled) {
        await limitSignups(services.rateLimits, { address: request.ip, email: body.email });
      }
      const progress = await createSignup(services, body);
      return sendData(reply, progress, { status: 202 });
    },
  );

  app.get(
    '/auth/signup/availability',
    {
      schema: {
        summary: 'Whether a tenant id can be signed up for',
        operationId: 'checkSignupAvailability',
        tags,
        querystring: AvailabilityQuery,
        response: { 200: dataEnvelope(Availability) },
      },
      config: { public: true },
    },
    async (request, reply) => {
      if (!services.config.signupEnabled)
        throw new AppError('FORBIDDEN', 'Self-service signup is turned off here');
      await limitAvailabilityChecks(services.rateLimits, request.ip);
      reply.header('Cache-Control', 'no-store');
      return sendData(reply, await checkAvailability(services.tenancy.platformDb, request.query.tenant_id));
    },
  );
}
