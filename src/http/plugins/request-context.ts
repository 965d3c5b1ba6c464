import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { requestContext } from '../../tenancy/tenant-context.js';

const VALID_REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** Accepts a well-formed incoming X-Request-ID (else makes one); it names the request everywhere. */
export function requestId(header: string | string[] | undefined): string {
  return typeof header === 'string' && VALID_REQUEST_ID.test(header) ? header : randomUUID();
}

/** Opens the request's async context (for logs and audit) and echoes its id. */
export function requestContextPlugin(app: FastifyInstance): void {
  app.addHook('onRequest', (request, reply, done) => {
    reply.header('X-Request-ID', request.id);
    requestContext.run(
      { requestId: request.id, tenantId: null, actorId: null, actorType: 'anonymous' },
      done,
    );
  });
}
