import type { FastifyInstance } from 'fastify';

const METHODS = 'GET, HEAD, POST, PUT, PATCH, DELETE';
/** What a browser script on an allowed origin may read beyond the CORS-safelisted response headers. */
const EXPOSED = [
  'X-Request-ID',
  'X-Tenant-ID',
  'X-Cache',
  'X-RateLimit-Limit',
  'X-RateLimit-Remaining',
  'X-RateLimit-Reset',
  'Retry-After',
  'Location',
  'Content-Disposition',
].join(', ');
const PREFLIGHT_MAX_AGE_SECONDS = '600';

/**
 * Cross-origin access for browser apps on `CORS_ORIGINS` (exact origins; none by default). Only
 * allowed origins get `Access-Control-Allow-*`; everything else is left to the browser's
 * same-origin rule. Credentials are bearer tokens in `Authorization`, never cookies, so no
 * `Allow-Credentials`. Preflights are answered here, before authentication and tenant
 * resolution, which would refuse a request that carries no token by design.
 */
export function corsPlugin(app: FastifyInstance, origins: readonly string[]): void {
  if (origins.length === 0) return;
  const allowed = new Set(origins);
  app.addHook('onRequest', (request, reply, done) => {
    const origin = request.headers.origin;
    if (origin === undefined) return done();
    reply.header('Vary', 'Origin');
    const permitted = allowed.has(origin);
    const preflight =
      request.method === 'OPTIONS' && request.headers['access-control-request-method'] !== undefined;
    if (preflight) {
      reply.header('Vary', 'Origin, Access-Control-Request-Method, Access-Control-Request-Headers');
      if (permitted) {
        const requested = request.headers['access-control-request-headers'];
        reply.header('Access-Control-Allow-Origin', origin);
        reply.header('Access-Control-Allow-Methods', METHODS);
        if (typeof requested === 'string' && requested.trim() !== '')
          reply.header('Access-Control-Allow-Headers', requested);
        reply.header('Access-Control-Max-Age', PREFLIGHT_MAX_AGE_SECONDS);
      }
      // A refused origin gets the same empty answer without the headers: the browser then refuses.
      reply.code(204).send();
      return;
    }
    if (permitted) {
      reply.header('Access-Control-Allow-Origin', origin);
      reply.header('Access-Control-Expose-Headers', EXPOSED);
    }
    done();
  });
}
