import type { AppServices } from '../../app/app-services.js';
import { dataEnvelope, sendData, type TenantRoutes } from '../../http/route-kit.js';
import { getTenant } from '../tenants/get-tenant.js';
import { TenantIdParams } from '../tenants/tenants.schema.js';
import {
  BillingCustomer,
  BillingCustomerBody,
  getBillingCustomer,
  setBillingCustomer,
} from './billing-customer.js';

const tags = ['tenants'];

/** `/tenants/{id}/billing`: the billing customer mapping (platform_admin and platform_billing write it). */
export function billingRoutes(app: TenantRoutes, services: AppServices): void {
  const { tenancy } = services;

  app.get(
    '/tenants/:id/billing',
    {
      schema: {
        summary: 'A tenant’s billing customer',
        operationId: 'getTenantBilling',
        tags,
        params: TenantIdParams,
        response: { 200: dataEnvelope(BillingCustomer) },
      },
      config: { platformAdmin: true },
    },
    async (request, reply) => {
      const tenant = await getTenant(tenancy, request.principal!, request.params.id);
      return sendData(reply, await getBillingCustomer(tenancy.platformDb, tenant.id));
    },
  );

  app.put(
    '/tenants/:id/billing',
    {
      schema: {
        summary: 'Set a tenant’s billing customer',
        operationId: 'setTenantBilling',
        tags,
        params: TenantIdParams,
        body: BillingCustomerBody,
        response: { 200: dataEnvelope(BillingCustomer) },
      },
      config: { platformAdmin: true },
    },
    async (request, reply) => {
      const tenant = await getTenant(tenancy, request.principal!, request.params.id);
      return sendData(reply, await setBillingCustomer(tenancy.platformDb, tenant.id, request.body));
    },
  );
}
