import type { FastifyInstance } from 'fastify';
import { checkReadiness } from '../../observability/check-readiness.js';
import type { AppServices } from '../app-services.js';

/** Liveness, readiness and the public signing keys: routes outside /api. */
export function opsRoutes(app: FastifyInstance, services: AppServices): void {
  app.get('/health', { config: { public: true }, schema: { hide: true } }, async () => ({ status: 'ok' }));

  app.get('/health/ready', { config: { public: true }, schema: { hide: true } }, async (_request, reply) => {
    const { ready, checks } = await checkReadiness(services.tenancy, services.redis);
    return reply.code(ready ? 200 : 503).send({ status: ready ? 'ready' : 'not_ready', checks });
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
