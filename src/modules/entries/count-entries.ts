import { sql } from 'kysely';
import type { TenantScope } from '../../tenancy/tenant-scope.js';

/** How many entries the tenant holds of one type. */
export async function countEntries(scope: TenantScope, type: string): Promise<number> {
  const row = await scope.db
    .selectFrom('entries')
    .select(sql<string>`count(*)`.as('n'))
    .where('tenant_id', '=', scope.tenantId)
    .where('type', '=', type)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
