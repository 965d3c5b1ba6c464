import { randomBytes } from 'node:crypto';
import { Type } from '@sinclair/typebox';
import type { AppServices } from '../../app/app-services.js';
import {
  dataEnvelope,
  listEnvelope,
  sendData,
  sendNoContent,
  type TenantRoutes,
} from '../../http/route-kit.js';
import { createPlatformAdmin } from '../auth/create-platform-admin.js';
import { requestAdminPasswordReset } from '../users/request-admin-password-reset.js';
import { deletePlatformAdmin, updatePlatformAdmin } from './change-platform-admin.js';
import { findPlatformAdmins } from './find-platform-admins.js';
import { getPlatformAdmin } from './platform-admin-view.js';
import { PlatformAdminListQuery } from './platform-admin-list-query.js';
import {
  CreatePlatformAdminBody,
  PlatformAdmin,
  PlatformAdminParams,
  UpdatePlatformAdminBody,
} from './platform-admins.schema.js';

const tags = ['platform-admins'];

/** `/platform/admins`: platform staff and their roles, managed by platform_admin only (route table). */
export function platformAdminRoutes(app: TenantRoutes, services: AppServices): void {
  const db = services.tenancy.platformDb;
  const deps = { db, revocations: services.revocations };
  const one = (id: string) => getPlatformAdmin(db, id);

  app.get(
    '/platform/admins',
    {
      schema: {
        summary: 'List platform administrators with their roles and MFA status',
        description:
          'Page (`page`, `per_page`) or cursor (`cursor`, `limit`) pagination; `q` searches the email; ' +
          'sorts `created_at` (the default), `-created_at`, `name`, `-name` (by email), ties by id.',
        operationId: 'listPlatformAdmins',
        tags,
        querystring: PlatformAdminListQuery,
        response: { 200: listEnvelope(PlatformAdmin) },
      },
      config: { platformAdmin: true },
    },
    async (request, reply) => {
      const page = await findPlatformAdmins(db, request.query);
      return sendData(reply, page.rows, { pagination: page.pagination });
    },
  );

  app.post(
    '/platform/admins',
    {
      schema: {
        summary: 'Add a platform administrator',
        operationId: 'createPlatformAdmin',
        tags,
        body: CreatePlatformAdminBody,
        response: { 201: dataEnvelope(PlatformAdmin) },
      },
      config: { platformAdmin: true },
    },
    async (request, reply) => {
      const { email, role, password } = request.body;
      // Without a password nobody knows the generated one: the mailed link sets theirs.
      const created = await createPlatformAdmin(db, {
        email,
        role,
        password: password ?? randomBytes(32).toString('base64url'),
      });
      if (!password) await requestAdminPasswordReset(db, created.email, services.mail);
      return sendData(reply, await one(created.id), { status: 201 });
    },
  );

  app.patch(
    '/platform/admins/:id',
    {
      schema: {
        summary: 'Change a platform administrator’s email, role or password',
        operationId: 'updatePlatformAdmin',
        tags,
        params: PlatformAdminParams,
        body: UpdatePlatformAdminBody,
        response: { 200: dataEnvelope(PlatformAdmin) },
      },
      config: { platformAdmin: true },
    },
    async (request, reply) => {
      await updatePlatformAdmin(deps, request.params.id, request.body);
      return sendData(reply, await one(request.params.id));
    },
  );

  app.delete(
    '/platform/admins/:id',
    {
      schema: {
        summary: 'Remove a platform administrator',
        operationId: 'deletePlatformAdmin',
        tags,
        params: PlatformAdminParams,
        response: { 204: Type.Null() },
      },
      config: { platformAdmin: true },
    },
    async (request, reply) => {
      await deletePlatformAdmin(deps, request.params.id);
      return sendNoContent(reply);
    },
  );
}
