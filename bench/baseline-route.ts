import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { AppServices } from '../src/app/app-services.js';
import { listEnvelope } from '../src/http/route-kit.js';
import { toDeployment, DEPLOYMENT_COLUMNS } from '../src/modules/deployments/deployment-row.js';
import { Deployment } from '../src/modules/deployments/deployments.schema.js';
import { DEPLOYMENT_STATUSES } from '../src/modules/deployments/deployments.tables.js';
import { ListQuery } from '../src/modules/listing/list-query.schema.js';
import { paginate } from '../src/modules/listing/paginate.js';
import type { TenantDatabase } from '../src/tenancy/tenant-database.js';

export const BASELINE_PATH = '/bench/baseline/deployments';

const BaselineQuery = Type.Object(
  { ...ListQuery.properties, tenant: Type.String({ maxLength: 64 }) },
  { additionalProperties: false },
);

type BaselineQuery = ListQuery & { tenant: string };

/**
 * GET /bench/baseline/deployments?tenant=&per_page=: the deployments list with no tenancy at
 * all. The same query builder (`paginate`: count + page select, filtered on tenant_id) runs on
 * the shared pool table as the owner, a superuser that bypasses RLS: no tenant resolution, no
 * transaction, no set_config. Authentication and the response envelope and schema are the
 * product route's, so the difference to /api/v1/deployments is what tenancy costs. Its pool is
 * the owner's, sized and pipelined like the application pool, so pooling is no difference.
 */
export function baselineRoutes() {
  return (app: FastifyInstance, services: AppServices): void => {
    const { tenancy } = services;
    const pool = new pg.Pool({
      connectionString: tenancy.endpoints.adminUrl,
      max: (tenancy.appPool as pg.Pool & { options: pg.PoolConfig }).options.max,
      pipeline: true,
    } as pg.PoolConfig);
    app.addHook('onClose', () => pool.end());
    const db = new Kysely<TenantDatabase>({ dialect: new PostgresDialect({ pool }) }).withSchema(
      tenancy.endpoints.names.poolSchema,
    );
    app.get(
      BASELINE_PATH,
      { schema: { hide: true, querystring: BaselineQuery, response: { 200: listEnvelope(Deployment) } } },
      async (request, reply) => {
        const { tenant, ...query } = request.query as BaselineQuery;
        // One connection for both queries, as the tenant scope pins one.
        const page = await db
          .connection()
          .execute((connection) =>
            paginate(
              connection.selectFrom('deployments').select(DEPLOYMENT_COLUMNS).where('tenant_id', '=', tenant),
              query,
              { list: 'deployments', name: 'project_name', statuses: DEPLOYMENT_STATUSES },
            ),
          );
        return reply.send({
          success: true,
          data: page.rows.map(toDeployment),
          pagination: page.pagination,
          tenant_id: tenant,
        });
      },
    );
  };
}
