import { type Kysely, sql } from 'kysely';
import type { PlatformDatabase } from '../../db/platform-database.js';
import { isTenantId } from '../../tenancy/tenant-id.js';
import type { Availability } from './signup.schema.js';

const RESERVED_SHAPE = /^[a-z][a-z0-9-]{1,38}[a-z0-9]$/;

/** Whether an id ever had a registry row: deleted ids stay tombstones and are never given out again. */
export async function tenantIdEverUsed(db: Kysely<PlatformDatabase>, id: string): Promise<boolean> {
  const row = await db.selectFrom('platform.tenants').select('id').where('id', '=', id).executeTakeFirst();
  return row !== undefined;
}

/** Whether an unverified, unexpired signup holds the id. */
export async function tenantIdPending(db: Kysely<PlatformDatabase>, id: string): Promise<boolean> {
  const row = await db
    .selectFrom('platform.signups')
    .select('tenant_id')
    .where('tenant_id', '=', id)
    .where('verified_at', 'is', null)
    .where('expires_at', '>', sql<Date>`now()`)
    .executeTakeFirst();
  return row !== undefined;
}

/**
 * What the sign-up form shows as the id is typed: free, malformed, reserved, or taken (a registry
 * row, ever, or a pending signup). A signup may still lose a race for an id answered free.
 */
export async function checkAvailability(db: Kysely<PlatformDatabase>, raw: string): Promise<Availability> {
  const answer = (reason: Availability['reason']): Availability => ({
    tenant_id: raw,
    available: reason === null,
    reason,
  });
  if (!isTenantId(raw)) return answer(RESERVED_SHAPE.test(raw) ? 'reserved' : 'invalid');
  if ((await tenantIdEverUsed(db, raw)) || (await tenantIdPending(db, raw))) return answer('taken');
  return answer(null);
}
