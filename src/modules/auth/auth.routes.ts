import { Type } from '@sinclair/typebox';
import type { FastifyReply } from 'fastify';
import type { AppServices } from '../../app/app-services.js';
import {
  dataEnvelope,
  inTenant,
  sendData,
  sendNoContent,
  stringField,
  tenantFromHost,
  type TenantRoutes,
} from '../../http/route-kit.js';
import { findUserById } from '../identity/find-user-by-id.js';
import { LoginBody, RefreshBody, Session, SessionUser } from './auth.schema.js';
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
      const header = request.headers['x-tenant-id'];
      const named = {
        header: Array.isArray(header) ? header.join(',') : header,
        host: await tenantFromHost(request, services),
        query: stringField(request.query, 'tenant_id'),
      };
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
      await endSession(services.tenancy.platformDb, request.body.refresh_token);
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
        response: {
          200: dataEnvelope(
            Type.Object({
              kind: Type.String(),
              tenant_id: Type.Union([Type.String(), Type.Null()]),
              user: SessionUser,
            }),
          ),
        },
      },
      config: { tenant: 'optional', mfaSetup: true },
    },
    async (request, reply) => {
      const principal = request.principal!;
      if (principal.kind === 'tenant_user') {
        const user = await inTenant(request, services, (scope) => findUserById(scope, principal.id));
        return sendData(reply, { kind: principal.kind, tenant_id: principal.tenantId, user });
      }
      const admin = await services.tenancy.platformDb
        .selectFrom('platform.platform_admins')
        .select(['id', 'email'])
        .where('id', '=', principal.id)
        .executeTakeFirstOrThrow();
      return sendData(reply, {
        kind: principal.kind,
        tenant_id: null,
        user: { ...admin, roles: principal.roles },
      });
    },
  );

  mfaRoutes(app, services);
}
