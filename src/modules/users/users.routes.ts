import { Type } from '@sinclair/typebox';
import type { FastifyRequest } from 'fastify';
import type { AppServices } from '../../app/app-services.js';
import {
  dataEnvelope,
  inTenant,
  listEnvelope,
  sendData,
  sendNoContent,
  type TenantRoutes,
} from '../../http/route-kit.js';
import { hashPassword } from '../../identity/passwords.js';
import { effectiveLimits } from '../../tenancy/tiers.js';
import { ListQuery } from '../listing/list-query.schema.js';
import { grantorOf } from '../roles/request-grantor.js';
import type { UserWriteContext } from './add-user.js';
import { createUser } from './create-user.js';
import { deleteUser } from './delete-user.js';
import { findUsers } from './find-users.js';
import { getUser } from './get-user.js';
import { inviteUser } from './invite-user.js';
import { updateUser } from './update-user.js';
import { profileOf } from './user-view.js';
import { CreateUserBody, UpdateUserBody, User, UserIdParams } from './users.schema.js';

const tags = ['users'];

async function writeContext(request: FastifyRequest, services: AppServices): Promise<UserWriteContext> {
  const tenant = request.tenant!;
  return {
    maxUsers: effectiveLimits(tenant.tier, tenant.limit_overrides).max_users,
    grantor: await grantorOf(request, services),
    mail: services.mail,
    tenant: { id: tenant.id, name: tenant.name },
  };
}

/** `/users`: the tenant's people; adding one (user or invitation) takes a seat of the tier's limit. */
export function userRoutes(app: TenantRoutes, services: AppServices): void {
  app.get(
    '/users',
    {
      schema: {
        summary: 'List users',
        operationId: 'listUsers',
        tags,
        querystring: ListQuery,
        response: { 200: listEnvelope(User) },
      },
      config: { tenant: 'required', permission: 'users:read' },
    },
    async (request, reply) => {
      const page = await inTenant(request, services, (scope) => findUsers(scope, request.query));
      return sendData(reply, page.users, { pagination: page.pagination });
    },
  );

  app.get(
    '/users/:id',
    {
      schema: {
        summary: 'Get a user',
        operationId: 'getUser',
        tags,
        params: UserIdParams,
        response: { 200: dataEnvelope(User) },
      },
      config: { tenant: 'required', permission: 'users:read' },
    },
    async (request, reply) => {
      const { id } = request.params;
      return sendData(reply, await inTenant(request, services, (scope) => getUser(scope, id)));
    },
  );

  app.post(
    '/users',
    {
      schema: {
        summary: 'Create or invite a user',
        operationId: 'createUser',
        tags,
        body: CreateUserBody,
        response: { 201: dataEnvelope(User) },
      },
      config: { tenant: 'required', permission: 'users:manage' },
    },
    async (request, reply) => {
      const { email, role, password } = request.body;
      const profile = profileOf(request.body);
      const context = await writeContext(request, services);
      // Hashed before the transaction, so the seat lock is never held for argon2's work.
      const passwordHash = password === undefined ? null : await hashPassword(password);
      const user = await inTenant(request, services, (scope) =>
        passwordHash === null
          ? inviteUser(scope, { email, role, profile }, context)
          : createUser(scope, { email, role, passwordHash, profile }, context),
      );
      return sendData(reply, user, { status: 201 });
    },
  );

  app.patch(
    '/users/:id',
    {
      schema: {
        summary: 'Update a user (name, role, status)',
        operationId: 'updateUser',
        tags,
        params: UserIdParams,
        body: UpdateUserBody,
        response: { 200: dataEnvelope(User) },
      },
      config: { tenant: 'required', permission: 'users:manage' },
    },
    async (request, reply) => {
      const { id } = request.params;
      const grantor = await grantorOf(request, services);
      const { user, narrowed } = await inTenant(request, services, (scope) =>
        updateUser(scope, id, request.body, grantor),
      );
      // After the commit: the user's tokens carry roles or a status that no longer hold.
      if (narrowed) await services.revocations.revokeAccount({ subject: id, tenantId: request.tenant!.id });
      return sendData(reply, user);
    },
  );

  app.delete(
    '/users/:id',
    {
      schema: {
        summary: 'Delete a user',
        operationId: 'deleteUser',
        tags,
        params: UserIdParams,
        response: { 204: Type.Null() },
      },
      config: { tenant: 'required', permission: 'users:manage' },
    },
    async (request, reply) => {
      const { id } = request.params;
      const grantor = await grantorOf(request, services);
      await inTenant(request, services, (scope) => deleteUser(scope, id, grantor));
      await services.revocations.revokeAccount({ subject: id, tenantId: request.tenant!.id });
      return sendNoContent(reply);
    },
  );
}
