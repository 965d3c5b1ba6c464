import { Type } from '@sinclair/typebox';
import { AppError } from '../../errors.js';
import type { AppServices } from '../../app/app-services.js';
import { dataEnvelope, listEnvelope, sendData, type TenantRoutes } from '../../http/route-kit.js';
import { probeTenantStorage } from '../../observability/check-readiness.js';
import { parseTenantId } from '../../tenancy/tenant-id.js';
import { findStorageUsage } from '../../tenancy/usage/storage-usage.js';
import { changeTenantStatus } from './change-tenant-status.js';
import { createTenant } from './create-tenant.js';
import { retryProvisioning } from './provision-tenant-job.js';
import { findTenants } from './find-tenants.js';
import { getTenant } from './get-tenant.js';
import { getTenantStats } from './get-tenant-stats.js';
import { toTenantView } from './tenant-view.js';
import { CreateTenantBody, Tenant, TenantIdParams, TenantListQuery } from './tenants.schema.js';

const tags = ['tenants'];
/**
 * A tenant's own callers use these as tenant routes (resolved tenant, status, rate limit, headers);
 * platform staff as platform routes, on any tenant whatever its status.
 */
const ownTenant = { tenant: 'tenant-users', tenantFromPath: true } as const;

export function tenantRoutes(app: TenantRoutes, services: AppServices): void {
  const { tenancy } = services;

  app.get(
    '/tenants',
    {
      schema: {
        summary: 'List tenants',
        operationId: 'listTenants',
        tags,
        querystring: TenantListQuery,
        response: { 200: listEnvelope(Tenant) },
      },
      config: { tenant: 'tenant-users' },
    },
    async (request, reply) => {
      const principal = request.principal!;
      const isAdmin = principal.kind === 'platform_admin';
      const page = await findTenants(tenancy, request.query, principal.tenantId ?? undefined);
      return sendData(
        reply,
        page.rows.map((row) => toTenantView(row, { platformAdmin: isAdmin })),
        { pagination: page.pagination },
      );
    },
  );

  app.post(
    '/tenants',
    {
      schema: {
        summary: 'Create a tenant (provisioned asynchronously)',
        operationId: 'createTenant',
        tags,
        body: CreateTenantBody,
        response: { 202: dataEnvelope(Tenant) },
      },
      config: { platformAdmin: true },
    },
    async (request, reply) => {
      const tenant = await createTenant(tenancy, request.body);
      return sendData(reply, toTenantView(tenant, { platformAdmin: true }), { status: 202 });
    },
  );

  app.get(
    '/tenants/:id',
    {
      schema: {
        summary: 'Get a tenant',
        operationId: 'getTenant',
        tags,
        params: TenantIdParams,
        response: { 200: dataEnvelope(Tenant) },
      },
      config: ownTenant,
    },
    async (request, reply) => {
      const principal = request.principal!;
      const tenant = await getTenant(tenancy, principal, request.params.id);
      reply.header('X-Tenant-ID', tenant.id);
      return sendData(reply, toTenantView(tenant, { platformAdmin: principal.kind === 'platform_admin' }));
    },
  );

  for (const action of ['suspend', 'resume'] as const) {
    app.post(
      `/tenants/:id/${action}`,
      {
        schema: {
          summary:
            action === 'suspend' ? 'Suspend a tenant (its users are refused)' : 'Resume a suspended tenant',
          operationId: `${action}Tenant`,
          tags,
          params: TenantIdParams,
          response: { 200: dataEnvelope(Tenant) },
        },
        config: { platformAdmin: true },
      },
      async (request, reply) => {
        const tenant = await changeTenantStatus(tenancy, request.params.id, action);
        return sendData(reply, toTenantView(tenant, { platformAdmin: true }));
      },
    );
  }

  app.post(
    '/tenants/:id/retry',
    {
      schema: {
        summary: 'Retry a failed provisioning',
        operationId: 'retryTenantProvisioning',
        tags,
        params: TenantIdParams,
        response: { 202: dataEnvelope(Tenant) },
      },
      config: { platformAdmin: true },
    },
    async (request, reply) => {
      const id = request.params.id;
      await retryProvisioning(tenancy, services.jobs, parseTenantId(id, 'id'));
      const tenant = await getTenant(tenancy, request.principal!, id);
      return sendData(reply, toTenantView(tenant, { platformAdmin: true }), { status: 202 });
    },
  );

  app.get(
    '/tenants/:id/health',
    {
      schema: {
        summary: 'Check a tenant’s storage answers',
        operationId: 'getTenantHealth',
        tags,
        params: TenantIdParams,
        response: { 200: dataEnvelope(Type.Record(Type.String(), Type.Unknown())) },
      },
      config: { platformAdmin: true },
    },
    async (request, reply) => {
      const tenant = await getTenant(tenancy, request.principal!, request.params.id);
      const started = performance.now();
      const storage = await probeTenantStorage(tenancy, tenant);
      return sendData(reply, {
        tenant_id: tenant.id,
        status: tenant.status,
        isolation: tenant.isolation,
        placement: tenant.placement,
        storage,
        latency_ms: Math.round((performance.now() - started) * 10) / 10,
      });
    },
  );

  app.get(
    '/tenants/:id/stats',
    {
      schema: {
        summary: 'A tenant’s usage: rows, storage, requests',
        operationId: 'getTenantStats',
        tags,
        params: TenantIdParams,
        response: { 200: dataEnvelope(Type.Record(Type.String(), Type.Unknown())) },
      },
      config: ownTenant,
    },
    async (request, reply) => {
      const principal = request.principal!;
      const tenant = await getTenant(tenancy, principal, request.params.id);
      if (tenant.status !== 'active' && tenant.status !== 'suspended') {
        throw new AppError('UNAVAILABLE', 'This tenant has no storage to report on yet');
      }
      const storage = await findStorageUsage(tenancy.platformDb, tenant.id);
      const stats = await tenancy.withTenant(tenant, (scope) => getTenantStats(scope, tenant, storage));
      reply.header('X-Tenant-ID', tenant.id);
      return sendData(reply, { tenant_id: tenant.id, ...stats });
    },
  );
}
