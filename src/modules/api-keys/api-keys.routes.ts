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
import { type Permission, permissionCatalogue } from '../../identity/permissions.js';
import { ApiKeyListQuery } from './api-key-list-query.js';
import { toApiKey } from './api-key-row.js';
import { ApiKey, ApiKeyIdParams, CreateApiKeyBody, CreatedApiKey } from './api-keys.schema.js';
import { createApiKey } from './create-api-key.js';
import { findApiKeys } from './find-api-keys.js';
import { revokeApiKey } from './revoke-api-key.js';

const tags = ['api-keys'];

/** What the caller may delegate: everything for a platform administrator, else their roles' grants. */
async function callerPermissions(
  request: FastifyRequest,
  services: AppServices,
): Promise<ReadonlySet<Permission>> {
  const principal = request.principal!;
  if (principal.kind === 'platform_admin') return new Set(permissionCatalogue());
  if (principal.permissions) return new Set(principal.permissions);
  return services.permissions.permissionsOf(request.tenant!, principal.roles);
}

export function apiKeyRoutes(app: TenantRoutes, services: AppServices): void {
  app.get(
    '/api-keys',
    {
      schema: {
        summary: 'List the tenant’s API keys (never their secrets)',
        description:
          'Page (`page`, `per_page`) or cursor (`cursor`, `limit`) pagination; `q` searches the name; ' +
          'sorts `-created_at` (the default), `created_at`, `name`, `-name`, ties by id.',
        operationId: 'listApiKeys',
        tags,
        querystring: ApiKeyListQuery,
        response: { 200: listEnvelope(ApiKey) },
      },
      config: { tenant: 'required', permission: 'api_keys:manage' },
    },
    async (request, reply) => {
      const page = await inTenant(request, services, (scope) => findApiKeys(scope, request.query));
      return sendData(reply, page.rows.map(toApiKey), { pagination: page.pagination });
    },
  );

  app.post(
    '/api-keys',
    {
      schema: {
        summary: 'Create an API key; its secret is shown once',
        operationId: 'createApiKey',
        tags,
        body: CreateApiKeyBody,
        response: { 201: dataEnvelope(CreatedApiKey) },
      },
      config: { tenant: 'required', permission: 'api_keys:manage' },
    },
    async (request, reply) => {
      const permissions = await callerPermissions(request, services);
      const { row, secret } = await inTenant(request, services, (scope) =>
        createApiKey(scope, request.body, { id: request.principal!.id, permissions }),
      );
      return sendData(reply, { ...toApiKey(row), secret }, { status: 201 });
    },
  );

  app.delete(
    '/api-keys/:id',
    {
      schema: {
        summary: 'Revoke an API key',
        operationId: 'revokeApiKey',
        tags,
        params: ApiKeyIdParams,
        response: { 204: Type.Null() },
      },
      config: { tenant: 'required', permission: 'api_keys:manage' },
    },
    async (request, reply) => {
      await inTenant(request, services, (scope) => revokeApiKey(scope, request.params.id));
      return sendNoContent(reply);
    },
  );
}
