import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { HttpServices } from '../http-services.js';

const CACHE_KEY = Symbol('cacheKey');
type Cacheable = FastifyRequest & { [CACHE_KEY]?: string };

/** seed 003 key shape: `<module>:tenant:<id>:<path>?<sorted query>` (tenant_id hints dropped). */
function cacheKey(request: FastifyRequest, tenantId: string): string {
  const url = new URL(request.url, 'http://x');
  url.searchParams.delete('tenant_id');
  url.searchParams.sort();
  const module = request.routeOptions.config.module ?? 'api';
  return `${module}:tenant:${tenantId}:${url.pathname}?${url.searchParams.toString()}`;
}

/**
 * Serves repeated tenant reads (GET routes marked `cache: true`) from the tenant cache and
 * drops the tenant's entries after any successful write, before that write is answered, so a
 * client never reads its own write stale.
 */
export function responseCachePlugin(app: FastifyInstance, services: HttpServices): void {
  const { cache } = services;

  app.addHook('preHandler', async (request: Cacheable, reply) => {
    const tenant = request.tenant;
    if (!tenant || request.method !== 'GET' || !request.routeOptions.config.cache) return;
    const key = cacheKey(request, tenant.id);
    const payload = await cache.get(tenant.id, key);
    if (payload !== undefined) {
      reply.header('X-Cache', 'HIT').type('application/json; charset=utf-8');
      return reply.send(payload);
    }
    request[CACHE_KEY] = key;
    reply.header('X-Cache', 'MISS');
  });

  app.addHook('onSend', async (request: Cacheable, reply, payload) => {
    const tenant = request.tenant;
    if (!tenant) return payload;
    if (request.method === 'GET') {
      const key = request[CACHE_KEY];
      if (key && reply.statusCode === 200 && typeof payload === 'string')
        await cache.set(tenant.id, key, payload);
    } else if (reply.statusCode < 400) {
      await cache.invalidate(tenant.id);
    }
    return payload;
  });
}
