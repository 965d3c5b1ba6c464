import type { FastifyInstance } from 'fastify';
import { v7 as uuidv7 } from 'uuid';
import type { AppServices } from '../src/app/app-services.js';
import { dataEnvelope, inTenant, sendData } from '../src/http/route-kit.js';
import { DEPLOYMENT_COLUMNS, toDeployment } from '../src/modules/deployments/deployment-row.js';
import { CreateDeploymentBody, Deployment } from '../src/modules/deployments/deployments.schema.js';

export const NO_AUDIT_PATH = '/bench/no-audit/deployments';

/**
 * POST /bench/no-audit/deployments: `POST /api/v1/deployments` with the audit write switched off.
 * Same config (tenant, feature, permission, quota), so authentication, tenant resolution, the
 * storage limit, creation quota, rate limit, cache invalidation and metrics hooks all run; the
 * handler inserts the same row in the same tenant transaction as createDeployment, minus
 * recordAudit. The difference to the product route is what the audit trail costs.
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
        const row = await inTenant(request, services, (scope) => {
          const now = new Date();
          return scope.db
            .insertInto('deployments')
            .values({
              tenant_id: scope.tenantId,
              id: uuidv7(),
              project_name: input.project_name,
              status: input.status ?? 'pending',
              url: input.url ?? null,
              created_at: now,
              updated_at: now,
            })
            .returning(DEPLOYMENT_COLUMNS)
            .executeTakeFirstOrThrow();
        });
        return sendData(reply, toDeployment(row), { status: 201 });
      },
    );
  };
}
