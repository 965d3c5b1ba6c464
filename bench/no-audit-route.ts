import type { FastifyInstance } from 'fastify';
import type { AppServices } from '../src/app/app-services.js';
import { dataEnvelope, inTenant, sendData } from '../src/http/route-kit.js';
import { insertDeployment } from '../src/modules/deployments/create-deployment.js';
import { toDeployment } from '../src/modules/deployments/deployment-row.js';
import { CreateDeploymentBody, Deployment } from '../src/modules/deployments/deployments.schema.js';

export const NO_AUDIT_PATH = '/bench/no-audit/deployments';

/**
 * POST /bench/no-audit/deployments: `POST /api/v1/deployments` with the audit write switched off.
 * Same config (tenant, feature, permission, quota), so authentication, tenant resolution, the
 * storage limit, creation quota, rate limit, cache invalidation and metrics hooks all run; the
 * handler runs createDeployment's own write (insertDeployment) in the same tenant transaction,
 * minus recordAudit. The difference to the product route is what the audit trail costs.
 */
export function noAuditRoutes() {
  return (app: FastifyInstance, services: AppServices): void => {
    app.post(
      NO_AUDIT_PATH,
      {
        schema: { hide: true, body: CreateDeploymentBody, response: { 201: dataEnvelope(Deployment) } },
        config: {
          tenant: 'required',
          permission: 'deployments:write',
          quota: 'deployments',
          feature: 'deployments',
          module: 'deployments',
        },
      },
      async (request, reply) => {
        const input = request.body as CreateDeploymentBody;
        const row = await inTenant(request, services, (scope) => insertDeployment(scope, input));
        return sendData(reply, toDeployment(row), { status: 201 });
      },
    );
  };
}
