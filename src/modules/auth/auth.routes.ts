import { Type } from '@sinclair/typebox';
import type { FastifyReply } from 'fastify';
import type { AppServices } from '../../app/app-services.js';
import {
  dataEnvelope,
  namedTenants,
  sendData,
  sendNoContent,
  type TenantRoutes,
} from '../../http/route-kit.js';
import { CurrentPrincipal, LoginBody, RefreshBody, Session } from './auth.schema.js';
import { describeCaller } from './describe-caller.js';
import { endSession } from './end-session.js';
import { login } from './login.js';
import { mfaRoutes } from './mfa/mfa.routes.js';
import { refreshSession } from './refresh-session.js';

const tags = ['auth'];

/** A refreshed session in login's envelope; its tenant comes from the token, not from resolution. */
function sendSession(reply: FastifyReply, session: Session): FastifyReply {
  const body: Record<string, unknown> = { success: true, data: session };
  if (session.tenant_id) {
    body.tenant_id = session.tenant_id;
    reply.header('X-Tenant-ID', session.tenant_id);
  }
  return reply.header('Cache-Control', 'no-store').send(body);
}

/** Sign-in, session rotation and the caller's own MFA; all but /auth/me work without a token. */
export function authRoutes(app: TenantRoutes, services: AppServices): void {
  app.post(
    '/auth/login',
    {
      schema: {
        summary: 'Sign in with email and password',
        operationId: 'login',
        tags,
        body: LoginBody,
        response: { 200: dataEnvelope(Session) },
      },
      config: { public: true, tenant: 'optional', tenantFromBody: true },
    },
    async (request, reply) => {
      const session = await login(services, request.body, {
        tenant: request.tenant,
        address: request.ip,
      });
      reply.header('Cache-Control', 'no-store');
      return sendData(reply, session);
    },
  );

  app.post(
    '/auth/refresh',
    {
      schema: {
        summary: 'Exchange a refresh token for new tokens',
        operationId: 'refreshSession',
        tags,
        body: RefreshBody,
        response: { 200: dataEnvelope(Session) },
      },
      // The refresh token is the credential: an expired access token must not be needed.
      config: { public: true },
    },
    async (request, reply) => {
      const { refresh_token } = request.body;
      const named = await namedTenants(request, services);
      return sendSession(reply, await refreshSession(services, refresh_token, named));
    },
  );

  app.post(
    '/auth/logout',
    {
      schema: {
        summary: 'End the session of a refresh token',
        operationId: 'logout',
        tags,
        body: RefreshBody,
        response: { 204: Type.Null() },
      },
      config: { public: true },
    },
    async (request, reply) => {
      const named = await namedTenants(request, services);
      await endSession(services.tenancy.platformDb, request.body.refresh_token, named);
      // The session's access tokens end here at once; other processes hear it by NOTIFY.
      await services.revocations.sync();
      return sendNoContent(reply);
    },
  );

  app.get(
    '/auth/me',
    {
      schema: {
        summary: 'Who the token belongs to',
        operationId: 'getCurrentPrincipal',
        tags,
        description: 'An API key has no account: `user` is null and `api_key` describes the key.',
        response: { 200: dataEnvelope(CurrentPrincipal) },
      },
      config: { tenant: 'optional', mfaSetup: true },
    },
    async (request, reply) =>
      sendData(reply, await describeCaller(services.tenancy, request.principal!, request.tenant)),
  );

  mfaRoutes(app, services);
}
