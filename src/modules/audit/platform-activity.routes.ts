import { type Static, Type } from '@sinclair/typebox';
import type { AppServices } from '../../app/app-services.js';
import { dataEnvelope, sendData, type TenantRoutes } from '../../http/route-kit.js';
import { getTenant } from '../tenants/get-tenant.js';
import { TenantIdParams } from '../tenants/tenants.schema.js';
import { actorOf, findPlatformActors } from './audit-actors.js';
import { findPlatformActivity } from './find-platform-activity.js';

const Nullable = <T extends ReturnType<typeof Type.String>>(schema: T) => Type.Union([schema, Type.Null()]);

/** One platform act on a tenant, with the administrator's email instead of an id. */
export const PlatformActivity = Type.Object({
  id: Type.String(),
  actor_type: Type.String(),
  actor_id: Nullable(Type.String()),
  actor_email: Nullable(Type.String()),
  action: Type.String(),
  target_type: Nullable(Type.String()),
  target_id: Nullable(Type.String()),
  details: Type.Unknown(),
  created_at: Type.String({ format: 'date-time' }),
});
export type PlatformActivity = Static<typeof PlatformActivity>;

const ActivityQuery = Type.Object(
  { limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 20 })) },
  { additionalProperties: false },
);

/** `GET /tenants/{id}/activity`: the platform audit of one tenant, for the console's tenant page. */
export function platformActivityRoutes(app: TenantRoutes, services: AppServices): void {
  app.get(
    '/tenants/:id/activity',
    {
      schema: {
        summary: 'The platform’s recent acts on a tenant',
        operationId: 'listTenantActivity',
        tags: ['audit'],
        params: TenantIdParams,
        querystring: ActivityQuery,
        response: { 200: dataEnvelope(Type.Array(PlatformActivity)) },
      },
      config: { platformAdmin: true },
    },
    async (request, reply) => {
      const db = services.tenancy.platformDb;
      const tenant = await getTenant(services.tenancy, request.principal!, request.params.id);
      const rows = await findPlatformActivity(db, tenant, request.query.limit ?? 20);
      const people = { platform_admin: await findPlatformActors(db, rows) };
      return sendData(
        reply,
        rows.map((row) => ({
          id: String(row.id),
          actor_type: row.actor_type,
          actor_id: row.actor_id,
          actor_email: actorOf(row, people).email,
          action: row.action,
          target_type: row.target_type,
          target_id: row.target_id,
          details: row.details,
          created_at: row.created_at.toISOString(),
        })),
      );
    },
  );
}
