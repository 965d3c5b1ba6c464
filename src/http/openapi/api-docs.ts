import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';
import { API_DESCRIPTION } from './api-description.js';
import { documentRoute } from './document-route.js';
import { ErrorEnvelope } from './error-envelope.schema.js';

/** The OpenAPI 3.1 document at /docs/json and its page at /docs; register before any route. */
export async function apiDocs(app: FastifyInstance): Promise<void> {
  app.addSchema(ErrorEnvelope);
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: { title: 'Tenantbase API', version: '1.0.0', description: API_DESCRIPTION },
      components: {
        securitySchemes: {
          bearer: {
            type: 'http',
            scheme: 'bearer',
            bearerFormat: 'JWT',
            description: 'An access token from POST /api/v1/auth/login, or an API key.',
          },
        },
      },
      security: [{ bearer: [] }],
    },
    // Components are named by their `$id`, so generated client types read `ErrorEnvelope`.
    refResolver: { buildLocalReference: (json, _base, _fragment, i) => String(json.$id ?? `def-${i}`) },
    transform: documentRoute,
  });
  app.addHook('onRoute', (route) => {
    if (route.url.startsWith('/docs')) route.config = { ...(route.config ?? {}), public: true };
  });
  await app.register(swaggerUi, { routePrefix: '/docs' });
}
