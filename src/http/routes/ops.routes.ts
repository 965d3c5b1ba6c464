import type { FastifyInstance } from 'fastify';
import { checkReadiness } from '../../observability/check-readiness.js';
import { probeDependencies } from '../../observability/probe-dependencies.js';
import type { HttpServices } from '../http-services.js';

/** Liveness, readiness and the public signing keys: routes outside /api. */
export function opsRoutes(app: FastifyInstance, services: HttpServices): void {
  app.get('/health', { config: { public: true }, schema: { hide: true } }, async () => ({ status: 'ok' }));

  // `?verbose` adds the shared dependencies, which never change the verdict (see checkReadiness).
  app.get('/health/ready', { config: { public: true }, schema: { hide: true } }, async (request, reply) => {
    const verbose = Object.hasOwn((request.query ?? {}) as object, 'verbose');
    const [{ ready, checks }, dependencies] = await Promise.all([
      checkReadiness(services.tenancy, services.shuttingDown()),
      verbose ? probeDependencies(services.tenancy, services.redis) : undefined,
    ]);
    return reply
      .code(ready ? 200 : 503)
      .header('Cache-Control', 'no-store')
      .send({ status: ready ? 'ready' : 'not_ready', checks, ...(dependencies ? { dependencies } : {}) });
  });

  app.get(
    '/.well-known/jwks.json',
    { config: { public: true }, schema: { hide: true } },
    async (_request, reply) => {
      reply.header('Cache-Control', 'public, max-age=300');
      return services.keys.jwks();
    },
  );
}
