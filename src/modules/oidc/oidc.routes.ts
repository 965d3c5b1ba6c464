import type { AppServices } from '../../app/app-services.js';
import { dataEnvelope, sendData, type TenantRoutes } from '../../http/route-kit.js';
import { parseTenantId } from '../../tenancy/tenant-id.js';
import { TenantIdParams } from '../tenants/tenants.schema.js';
import { authorizeTenantAccess } from '../tenant-settings/authorize-tenant-access.js';
import { configureOidc } from './configure-oidc.js';
import { getOidcConfig } from './get-oidc-config.js';
import { OidcConfig, OidcConfigBody } from './oidc.schema.js';

const tags = ['oidc'];

/** The tenant's external identity provider: its owner (oidc:manage) and platform administrators. */
export function oidcRoutes(app: TenantRoutes, services: AppServices): void {
  const owner = authorizeTenantAccess(services, 'oidc:manage');
  const idOf = (params: { id: string }) => parseTenantId(params.id, 'id');
  const policy = { allowPrivateTargets: services.config.oidcAllowPrivateTargets };

  app.get(
    '/tenants/:id/oidc',
    {
      schema: {
        summary: 'Get the tenant’s OIDC provider settings',
        operationId: 'getOidcConfig',
        tags,
        params: TenantIdParams,
        response: { 200: dataEnvelope(OidcConfig) },
      },
      preValidation: owner,
    },
    async (request, reply) => {
      const id = idOf(request.params);
      const config = await getOidcConfig(services.tenancy, id);
      reply.header('X-Tenant-ID', id);
      reply.header('Cache-Control', 'private, no-store');
      return sendData(reply, config);
    },
  );

  app.put(
    '/tenants/:id/oidc',
    {
      schema: {
        summary: 'Set the tenant’s OIDC provider',
        operationId: 'configureOidc',
        tags,
        params: TenantIdParams,
        body: OidcConfigBody,
        response: { 200: dataEnvelope(OidcConfig) },
      },
      preValidation: owner,
    },
    async (request, reply) => {
      const id = idOf(request.params);
      const config = await configureOidc(services.tenancy, id, request.body, policy);
      reply.header('X-Tenant-ID', id);
      return sendData(reply, config);
    },
  );
}
