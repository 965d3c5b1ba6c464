import type { AppServices } from '../../app/app-services.js';
import { dataEnvelope, sendData, type TenantRoutes } from '../../http/route-kit.js';
import { parseTenantId } from '../../tenancy/tenant-id.js';
import { getTenant } from '../tenants/get-tenant.js';
import { toTenantView } from '../tenants/tenant-view.js';
import { Tenant, TenantIdParams } from '../tenants/tenants.schema.js';
import { updateTenant } from '../tenants/update-tenant.js';
import { authorizeTenantAccess, TENANT_ADMIN_PERMISSION } from './authorize-tenant-access.js';
import { settingsCatalogue } from './feature-catalogue.js';
import { getBranding } from './get-branding.js';
import { toTenantConfig } from './get-tenant-config.js';
import { Branding, TenantConfig, UpdateBrandingBody, UpdateTenantBody } from './tenant-settings.schema.js';
import { updateBranding } from './update-branding.js';

const tags = ['tenants'];

/** PATCH of a tenant, its branding (public read) and its seed 001 configuration. */
export function tenantSettingsRoutes(app: TenantRoutes, services: AppServices): void {
  const { tenancy } = services;
  const catalogue = settingsCatalogue(services.modules);
  const tenantAdmin = authorizeTenantAccess(services, TENANT_ADMIN_PERMISSION);
  const idOf = (params: { id: string }) => parseTenantId(params.id, 'id');

  app.patch(
    '/tenants/:id',
    {
      schema: {
        summary: 'Change a tenant’s tier, features, settings or limits',
        operationId: 'updateTenant',
        tags,
        params: TenantIdParams,
        body: UpdateTenantBody,
        response: { 200: dataEnvelope(Tenant) },
      },
      preValidation: tenantAdmin,
    },
    async (request, reply) => {
      const platformAdmin = request.principal!.kind === 'platform_admin';
      const tenant = await updateTenant(tenancy, idOf(request.params), request.body, {
        platformAdmin,
        catalogue,
        baseDomain: services.config.baseDomain,
      });
      reply.header('X-Tenant-ID', tenant.id);
      return sendData(reply, toTenantView(tenant, { platformAdmin }));
    },
  );

  app.get(
    '/tenants/:id/branding',
    {
      schema: {
        summary: 'Get a tenant’s branding',
        operationId: 'getBranding',
        tags,
        params: TenantIdParams,
        response: { 200: dataEnvelope(Branding) },
      },
      config: { public: true },
    },
    async (request, reply) => {
      const branding = await getBranding(tenancy, request.principal, request.params.id);
      // Sign-in pages fetch this on every visit; a minute of staleness after a change is fine.
      reply.header('Cache-Control', request.principal ? 'private, no-store' : 'public, max-age=60');
      reply.header('X-Tenant-ID', idOf(request.params));
      return sendData(reply, branding);
    },
  );

  app.patch(
    '/tenants/:id/branding',
    {
      schema: {
        summary: 'Change a tenant’s branding',
        operationId: 'updateBranding',
        tags,
        params: TenantIdParams,
        body: UpdateBrandingBody,
        response: { 200: dataEnvelope(Branding) },
      },
      preValidation: tenantAdmin,
    },
    async (request, reply) => {
      const id = idOf(request.params);
      const branding = await updateBranding(tenancy, id, request.body);
      reply.header('X-Tenant-ID', id);
      return sendData(reply, branding);
    },
  );

  app.get(
    '/tenants/:id/config',
    {
      schema: {
        summary: 'A tenant’s effective features, limits and branding',
        operationId: 'getTenantConfig',
        tags,
        params: TenantIdParams,
        response: { 200: dataEnvelope(TenantConfig) },
      },
      preValidation: tenantAdmin,
    },
    async (request, reply) => {
      const tenant = await getTenant(tenancy, request.principal!, request.params.id);
      reply.header('X-Tenant-ID', tenant.id);
      reply.header('Cache-Control', 'private, no-store');
      return sendData(reply, toTenantConfig(tenant));
    },
  );
}
