import type { FastifyInstance } from 'fastify';
import { LRUCache } from 'lru-cache';
import { AppError } from '../../errors.js';
import { effectiveLimits } from '../../tenancy/tiers.js';
import { findStorageUsage } from '../../tenancy/usage/storage-usage.js';
import type { HttpEdge, HttpServices } from '../http-services.js';

/**
 * Successful creates in one tenant (in this process) after which a measurement of it is asked
 * for, between periodic runs; enqueueStorageMeasurement spaces them by their cost.
 */
export const MEASURE_AFTER_CREATES = 100;

/**
 * How long a tenant's last measurement is reused here before it is read again. Enforcement already
 * trails the data (a measurement every MEASURE_AFTER_CREATES creates and periodically); reading it
 * on every create was a platform round trip per create for a busy tenant with a limit.
 */
export const USAGE_REUSE_MS = 2000;

/**
 * Refuses data creation (routes with a `quota`) with LIMIT_EXCEEDED once the tenant's last
 * measured storage reached its limit. It reads the last measurement, one primary-key lookup
 * reused for USAGE_REUSE_MS, and never measures on the request path; reads, updates and deletes stay open so a tenant
 * over its limit can still see and shrink its data. Runs before the creation quota is spent.
 */
export function storageLimitPlugin(
  app: FastifyInstance,
  services: HttpServices,
  edge: Pick<HttpEdge, 'measureStorage'>,
): void {
  const createsSinceMeasured = new Map<string, number>();
  // A tenant never measured is kept too (bytes undefined): it is read again only after the TTL.
  const lastRead = new LRUCache<string, { bytes: number | undefined }>({
    max: 10_000,
    ttl: USAGE_REUSE_MS,
  });
  const usedBytes = async (tenantId: string): Promise<number | undefined> => {
    const kept = lastRead.get(tenantId);
    if (kept) return kept.bytes;
    const usage = await findStorageUsage(services.tenancy.platformDb, tenantId);
    lastRead.set(tenantId, { bytes: usage?.storage_bytes });
    return usage?.storage_bytes;
  };

  app.addHook('preHandler', async (request) => {
    const tenant = request.tenant;
    if (!tenant || !request.routeOptions.config.quota) return;
    const limit = effectiveLimits(tenant.tier, tenant.limit_overrides).storage_bytes;
    if (limit === null) return;
    const used = await usedBytes(tenant.id);
    if (used !== undefined && used >= limit) {
      throw new AppError(
        'LIMIT_EXCEEDED',
        `This tenant has used its storage (${used} of ${limit} bytes); delete data or raise the limit`,
      );
    }
  });

  app.addHook('onResponse', async (request, reply) => {
    const tenant = request.tenant;
    if (!tenant || !request.routeOptions.config.quota || reply.statusCode >= 300) return;
    const count = (createsSinceMeasured.get(tenant.id) ?? 0) + 1;
    if (count < MEASURE_AFTER_CREATES) {
      if (createsSinceMeasured.size > 10_000) createsSinceMeasured.clear();
      createsSinceMeasured.set(tenant.id, count);
      return;
    }
    createsSinceMeasured.delete(tenant.id);
    await edge
      .measureStorage(tenant.id)
      .catch((error: unknown) => request.log.warn({ err: error }, 'could not queue a storage measurement'));
  });
}
