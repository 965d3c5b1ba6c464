import { AppError } from '../../errors.js';
import type { TenantRecord } from '../../tenancy/registry/tenant-record.js';
import type { Tenancy } from '../../tenancy/tenancy.js';
import { requestContext } from '../../tenancy/tenant-context.js';
import { recordPlatformAudit } from '../audit/record-platform-audit.js';
import { createTenant } from '../tenants/create-tenant.js';
import type { CreateTenantBody } from '../tenants/tenants.schema.js';
import { DEMO_REQUEST_COLUMNS } from './demo-request-view.js';
import type { DemoRequestRow } from './demo-requests.table.js';
import type { ApproveDemoRequestBody } from './demo-requests.schema.js';
import { getDemoRequest } from './get-demo-request.js';

const decided = (status: string) => new AppError('CONFLICT', `This demo request is already ${status}`);

/**
 * Turns a pending demo request into a tenant (seed 002): the requester becomes its first owner
 * by invitation (no password), provisioning runs in the background. The request is marked
 * approved in the tenant's own registering transaction, guarded on `pending`, so two approvals
 * racing make one tenant and one 409, and a failed creation leaves the request pending.
 */
export async function approveDemoRequest(
  tenancy: Tenancy,
  id: string,
  input: ApproveDemoRequestBody,
): Promise<{ request: DemoRequestRow; tenant: TenantRecord }> {
  const pending = await getDemoRequest(tenancy.platformDb, id);
  if (pending.status !== 'pending') throw decided(pending.status);
  let request: DemoRequestRow | undefined;
  const tenant = await createTenant(
    tenancy,
    {
      id: input.tenant_id,
      name: pending.company_name,
      tier: input.tier,
      isolation: input.isolation,
      business_domain: pending.business_domain as CreateTenantBody['business_domain'],
      admin_email: pending.email,
    },
    {
      within: async (trx) => {
        const now = new Date();
        request = await trx
          .updateTable('platform.demo_requests')
          .set({
            status: 'approved',
            tenant_id: input.tenant_id,
            decided_by: requestContext.current()?.actorId ?? null,
            decided_at: now,
            updated_at: now,
          })
          .where('id', '=', pending.id)
          .where('status', '=', 'pending')
          .returning(DEMO_REQUEST_COLUMNS)
          .executeTakeFirst();
        if (!request) throw decided('decided');
        await recordPlatformAudit(trx, {
          action: 'demo_request.approve',
          targetType: 'demo_request',
          targetId: pending.id,
          tenantId: input.tenant_id,
        });
      },
    },
  );
  return { request: request!, tenant };
}
