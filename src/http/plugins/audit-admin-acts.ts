import type { FastifyInstance } from 'fastify';
import { recordAudit } from '../../modules/audit/record-audit.js';
import { recordPlatformAudit } from '../../modules/audit/record-platform-audit.js';
import { requestContext } from '../../tenancy/tenant-context.js';
import type { AppServices } from '../app-services.js';

const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * A platform administrator acting inside a tenant is audited, in the platform audit
 * for every request and, for writes, in the tenant's own trail too, so the tenant sees who of
 * the operator's staff touched its data. Runs once the response is sent, so it never delays
 * or changes the answer; a failure to record is logged as an error.
 */
export function auditAdminActsPlugin(app: FastifyInstance, services: AppServices): void {
  app.addHook('onResponse', async (request, reply) => {
    const principal = request.principal;
    const tenant = request.tenant;
    if (principal?.kind !== 'platform_admin' || !tenant) return;
    const details = {
      method: request.method,
      route: request.routeOptions.url ?? null,
      status: reply.statusCode,
    };
    // The response may finish outside the request's async context, so the actor is set again here.
    const context = {
      requestId: request.id,
      tenantId: tenant.id,
      actorId: principal.id,
      actorType: 'platform_admin' as const,
    };
    try {
      await requestContext.run(context, async () => {
        await recordPlatformAudit(services.tenancy.platformDb, {
          action: 'admin.act_in_tenant',
          targetType: 'tenant',
          targetId: tenant.id,
          tenantId: tenant.id,
          details,
        });
        if (!WRITES.has(request.method)) return;
        await services.tenancy.withTenant(tenant, (scope) =>
          recordAudit(scope, {
            action: 'admin.act_in_tenant',
            targetType: 'tenant',
            targetId: tenant.id,
            after: details,
          }),
        );
      });
    } catch (error) {
      request.log.error({ err: error }, 'could not audit a platform administrator acting in a tenant');
    }
  });
}
