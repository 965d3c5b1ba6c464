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
import type { TenantScope } from '../../tenancy/tenant-scope.js';
import { createRole } from './create-role.js';
import { deleteRole } from './delete-role.js';
import { findRoles } from './find-roles.js';
import { grantorOf } from './request-grantor.js';
import { RoleListQuery } from './role-list-query.js';
import { toRole } from './role-view.js';
import { CreateRoleBody, Role, RoleNameParams, UpdateRoleBody } from './roles.schema.js';
import { updateRole } from './update-role.js';

const tags = ['roles'];
const config = { tenant: 'required', permission: 'roles:manage' } as const;

/** `/roles`: the tenant's built-in and custom roles, managed by its administrators. */
export function roleRoutes(app: TenantRoutes, services: AppServices): void {
  // A role change must be seen by the very next permission check in this process, and within
  // moments in every other one (a narrowed role demotes its holders: their tokens are refused within 5 s).
  const changeRoles = async <T>(request: FastifyRequest, work: (scope: TenantScope) => Promise<T>) => {
    try {
      const result = await inTenant(request, services, work);
      await services.revocations.rolesChanged(request.tenant!.id);
      return result;
    } finally {
      services.permissions.invalidate(request.tenant!.id);
    }
  };

  app.get(
    '/roles',
    {
      schema: {
        summary: 'List built-in and custom roles',
        description:
          'Page (`page`, `per_page`) or cursor (`cursor`, `limit`) pagination; `q` searches the name; ' +
          'built-in roles first, then by name, unless `sort` is `name`, `-name`, `created_at` or `-created_at`.',
        operationId: 'listRoles',
        tags,
        querystring: RoleListQuery,
        response: { 200: listEnvelope(Role) },
      },
      config,
    },
    async (request, reply) => {
      const page = await inTenant(request, services, (scope) => findRoles(scope, request.query));
      return sendData(reply, page.rows.map(toRole), { pagination: page.pagination });
    },
  );

  app.post(
    '/roles',
    {
      schema: {
        summary: 'Create a custom role',
        operationId: 'createRole',
        tags,
        body: CreateRoleBody,
        response: { 201: dataEnvelope(Role) },
      },
      config,
    },
    async (request, reply) => {
      const grantor = await grantorOf(request, services);
      const row = await changeRoles(request, (scope) => createRole(scope, request.body, grantor));
      return sendData(reply, toRole(row), { status: 201 });
    },
  );

  app.patch(
    '/roles/:name',
    {
      schema: {
        summary: 'Change a custom role’s permissions',
        operationId: 'updateRole',
        tags,
        params: RoleNameParams,
        body: UpdateRoleBody,
        response: { 200: dataEnvelope(Role) },
      },
      config,
    },
    async (request, reply) => {
      const { name } = request.params;
      const grantor = await grantorOf(request, services);
      const row = await changeRoles(request, (scope) => updateRole(scope, name, request.body, grantor));
      return sendData(reply, toRole(row));
    },
  );

  app.delete(
    '/roles/:name',
    {
      schema: {
        summary: 'Delete a custom role',
        operationId: 'deleteRole',
        tags,
        params: RoleNameParams,
        response: { 204: Type.Null() },
      },
      config,
    },
    async (request, reply) => {
      const { name } = request.params;
      const grantor = await grantorOf(request, services);
      await changeRoles(request, (scope) => deleteRole(scope, name, grantor));
      return sendNoContent(reply);
    },
  );
}
