import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from '../../errors.js';
import { migrateTenantStorages } from '../../tenancy/migrations/migrate-tenant-storages.js';
import { storageKey } from '../../tenancy/migrations/storage-key.js';
import { parseTenantId } from '../../tenancy/tenant-id.js';
import type { HttpServices } from '../http-services.js';

function requireInternalToken(request: FastifyRequest, expected: string | undefined): void {
  if (!expected)
    throw new AppError('FORBIDDEN', 'Internal endpoints are off: set INTERNAL_TOKEN to use them');
  const given = request.headers['x-internal-token'];
  const ok =
    typeof given === 'string' &&
    given.length === expected.length &&
    timingSafeEqual(Buffer.from(given), Buffer.from(expected));
  if (!ok) throw new AppError('UNAUTHENTICATED', 'The X-Internal-Token header is missing or wrong');
}

/**
 * Seed 004's service-to-service endpoints, behind INTERNAL_TOKEN (header X-Internal-Token):
 * where a tenant's data lives, and a trigger for tenant migrations.
 */
export function internalRoutes(app: FastifyInstance, services: HttpServices): void {
  const { tenancy } = services;

  // No params schema (the route is hidden from the document): the router's path segment is a string.
  app.get<{ Params: { id: string } }>(
    '/internal/tenants/:id/db-info',
    { config: { public: true }, schema: { hide: true } },
    async (request, reply) => {
      requireInternalToken(request, services.config.internalToken);
      const id = parseTenantId(request.params.id, 'id');
      const tenant = await tenancy.registry.load(id);
      if (!tenant || tenant.status === 'deleted') throw new AppError('TENANT_NOT_FOUND', 'No such tenant');
      const names = tenancy.endpoints.names;
      const applied = await tenancy.platformDb
        .selectFrom('platform.storage_migrations')
        .select('migration_id')
        .where('storage', '=', storageKey(tenant))
        .execute();
      return reply.send({
        success: true,
        data: {
          tenant_id: tenant.id,
          status: tenant.status,
          isolation: tenant.isolation,
          placement: tenant.placement,
          database:
            tenant.isolation === 'database'
              ? names.databaseFor(tenant.id)
              : new URL(tenancy.endpoints.adminUrl).pathname.slice(1),
          schema:
            tenant.isolation === 'pool'
              ? names.poolSchema
              : tenant.isolation === 'schema'
                ? names.schemaFor(tenant.id)
                : 'public',
          migrations: { applied: applied.length, latest: tenancy.latestMigrations.length },
        },
      });
    },
  );

  app.post(
    '/internal/migrate',
    { config: { public: true }, schema: { hide: true } },
    async (request, reply) => {
      requireInternalToken(request, services.config.internalToken);
      const body = (request.body ?? {}) as { only?: unknown; concurrency?: unknown };
      const only = Array.isArray(body.only) ? body.only.map((id) => parseTenantId(id, 'only')) : undefined;
      const concurrency =
        typeof body.concurrency === 'number' && body.concurrency >= 1 ? Math.min(body.concurrency, 16) : 4;
      const report = await migrateTenantStorages(tenancy, { concurrency, only });
      // A partial failure is a result, not an error: the report names each failed tenant.
      return reply.send({ success: true, data: report });
    },
  );
}
