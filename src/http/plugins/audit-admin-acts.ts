import type { FastifyInstance } from 'fastify';
import { requestContext } from '../../tenancy/tenant-context.js';
import type { HttpEdge } from '../http-services.js';

const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * A platform administrator acting inside a tenant is audited, in the platform audit
 * for every request and, for writes, in the tenant's own trail too, so the tenant sees who of
 * the operator's staff touched its data. Runs once the response is sent, so it never delays
 * or changes the answer; a failure to record is logged as an error.
 */
export function auditAdminActsPlugin(app: FastifyInstance, edge: Pick<HttpEdge, 'auditAdminAct'>): void {
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
      await requestContext.run(context, () =>
        edge.auditAdminAct(tenant, details, WRITES.has(request.method)),
      );
    } catch (error) {
      request.log.error({ err: error }, 'could not audit a platform administrator acting in a tenant');
    }
  });
}
