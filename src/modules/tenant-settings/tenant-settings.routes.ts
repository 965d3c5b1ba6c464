import type { AppServices } from '../../app/app-services.js';
import { dataEnvelope, sendData, type TenantRoutes } from '../../http/route-kit.js';
import { parseTenantId } from '../../tenancy/tenant-id.js';
import { getTenant } from '../tenants/get-tenant.js';
import { toTenantView } from '../tenants/tenant-view.js';
import { Tenant, TenantIdParams } from '../tenants/tenants.schema.js';
import { updateTenant } from '../tenants/update-tenant.js';
import { TENANT_ADMIN_PERMISSION } from './authorize-tenant-access.js';
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
  // The tenant's own callers go through the tenant edge like on any tenant route; platform staff
  // reach every tenant, suspended included.
  const tenantAdmin = {
    tenant: 'tenant-users',
    tenantFromPath: true,
    permission: TENANT_ADMIN_PERMISSION,
  } as const;
  const idOf = (params: { id: string }) => parseTenantId(params.id, 'id');

  app.patch(
    '/tenants/:id',
    {
      schema: {
        summary: 'Change a tenant’s tier, status, features, settings, limits or host names',
        operationId: 'updateTenant',
        tags,
        params: TenantIdParams,
        body: UpdateTenantBody,
        response: { 200: dataEnvelope(Tenant) },
      },
      config: tenantAdmin,
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
      // Read while suspended too: the sign-in page still shows whose it is.
      config: { public: true, tenant: 'tenant-users', tenantFromPath: true, tenantPolicy: 'public_page' },
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
      config: tenantAdmin,
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
      config: tenantAdmin,
    },
    async (request, reply) => {
      const tenant = await getTenant(tenancy, request.principal!, request.params.id);
      reply.header('X-Tenant-ID', tenant.id);
      reply.header('Cache-Control', 'private, no-store');
      return sendData(reply, toTenantConfig(tenant));
    },
  );
}
