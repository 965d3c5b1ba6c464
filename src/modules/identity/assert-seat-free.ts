import { sql } from 'kysely';
import { AppError } from '../../errors.js';
import type { TenantScope } from '../../tenancy/tenant-scope.js';

/**
 * Refuses one more user once the tenant holds its tier's `max_users` (null is unlimited). Every
 * user takes a seat, pending invitations and the owner included. Sound only under
 * `lockTenantIdentity`, so that two writers cannot both count the last seat as free.
 */
export async function assertSeatFree(scope: TenantScope, maxUsers: number | null): Promise<void> {
  if (maxUsers === null) return;
  const { seats } = await scope.db
    .selectFrom('users')
    .select(sql<string>`count(*)`.as('seats'))
    .where('tenant_id', '=', scope.tenantId)
    .executeTakeFirstOrThrow();
  if (Number(seats) >= maxUsers) {
    throw new AppError('LIMIT_EXCEEDED', `This tenant has reached its limit of ${maxUsers} users`);
  }
}
