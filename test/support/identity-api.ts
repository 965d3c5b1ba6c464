import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { sql } from 'kysely';
import type { TenantId } from '../../src/tenancy/tenant-id.js';
import type { Isolation } from '../../src/tenancy/tenant-scope.js';
import type { Tier } from '../../src/tenancy/tiers.js';
import type { TestInstance } from './test-instance.js';

/** Each isolation model with the tier that defaults to it. */
export const TIER_OF: Record<Isolation, Tier> = {
  pool: 'standard',
  schema: 'premium',
  database: 'enterprise',
};

/** Calls `/api/v1<path>` with a bearer token (none when `token` is null). */
export function api(
  tb: TestInstance,
  token: string | null,
  method: InjectOptions['method'],
  path: string,
  options: { payload?: unknown; headers?: Record<string, string>; query?: Record<string, string> } = {},
): Promise<LightMyRequestResponse> {
  return tb.app.inject({
    method,
    url: `/api/v1${path}`,
    headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...options.headers },
    ...(options.query ? { query: options.query } : {}),
    ...(options.payload !== undefined ? { payload: options.payload as InjectOptions['payload'] } : {}),
  });
}

/** Sets a tenant's limit overrides straight in the platform database, as a platform administrator's PATCH would. */
export async function setLimitOverrides(
  tb: TestInstance,
  tenantId: string,
  overrides: Record<string, unknown>,
): Promise<void> {
  await tb.services.tenancy.platformDb
    .updateTable('platform.tenants')
    .set({ limit_overrides: JSON.stringify(overrides), updated_at: sql<Date>`now()` })
    .where('id', '=', tenantId)
    .execute();
  tb.services.tenancy.registry.invalidate(tenantId as TenantId);
}
