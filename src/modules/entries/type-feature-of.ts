import type { FastifyRequest } from 'fastify';
import type { AppServices } from '../../app/app-services.js';
import type { TenantRecord } from '../../tenancy/registry/tenant-record.js';
import { TYPE_KEY_PATTERN } from './entries.tables.js';

const TYPE_KEY = new RegExp(TYPE_KEY_PATTERN);

/**
 * The feature of the entry type `/entries/:type` addresses, for the edge's refusal path
 * (`featureOf`): runs before the params are validated, so a key that is not one gets null.
 */
export function typeFeatureOf(services: Pick<AppServices, 'tenancy'>) {
  return async (request: FastifyRequest, tenant: TenantRecord): Promise<string | null> => {
    const key = (request.params as { type?: unknown } | undefined)?.type;
    if (typeof key !== 'string' || !TYPE_KEY.test(key)) return null;
    const row = await services.tenancy.withTenant(
      tenant,
      (scope) =>
        scope.db
          .selectFrom('entry_types')
          .select('feature')
          .where('tenant_id', '=', scope.tenantId)
          .where('key', '=', key)
          .executeTakeFirst(),
      'read',
    );
    return row?.feature ?? null;
  };
}
