import { Type } from '@sinclair/typebox';
import type { AppServices } from '../../app/app-services.js';
import { dataEnvelope, sendData, type TenantRoutes } from '../../http/route-kit.js';
import { toTenantView } from '../tenants/tenant-view.js';
import { Tenant, TenantIdParams } from '../tenants/tenants.schema.js';
import { deleteTenant } from './delete-tenant.js';

const DeleteQuery = Type.Object(
  { confirm: Type.Optional(Type.String({ maxLength: 64, description: 'the tenant id again' })) },
  { additionalProperties: false },
);

/** `DELETE /tenants/{id}?confirm={id}`: 202 with the tenant `deleting`; a job finishes it. */
export function tenantDeletionRoutes(app: TenantRoutes, services: AppServices): void {
  app.delete(
    '/tenants/:id',
    {
      schema: {
        summary: 'Delete a tenant and all its data (asynchronous)',
        operationId: 'deleteTenant',
        tags: ['tenants'],
        params: TenantIdParams,
        querystring: DeleteQuery,
        response: { 202: dataEnvelope(Tenant) },
      },
      config: { platformAdmin: true },
    },
    async (request, reply) => {
      const { id } = request.params;
      const tenant = await deleteTenant(services.tenancy, id, request.query.confirm);
      return sendData(reply, toTenantView(tenant, { platformAdmin: true }), { status: 202 });
    },
  );
}
