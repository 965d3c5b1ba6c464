import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import type { AppServices } from '../../http/app-services.js';
import { dataEnvelope, sendData } from '../../http/envelope.js';
import { inTenant } from '../../http/in-tenant.js';
import { findUserById } from '../identity/find-user-by-id.js';
import { LoginBody, Session, SessionUser } from './auth.schema.js';
import { login } from './login.js';

const tags = ['auth'];

export function authRoutes(app: FastifyInstance, services: AppServices): void {
  app.post(
    '/auth/login',
    {
      schema: { tags, body: LoginBody, response: { 200: dataEnvelope(Session) } },
      config: { public: true, tenant: 'optional', tenantFromBody: true },
    },
    async (request, reply) => {
      const result = await login(
        services.tenancy,
        services.tokens,
        request.body as LoginBody,
        request.tenant,
      );
      return sendData(reply, result);
    },
  );

  app.get(
    '/auth/me',
    {
      schema: {
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
      config: { tenant: 'optional' },
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
}
