import { existsSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { AppError } from '../../errors.js';
import type { HttpServices } from '../http-services.js';
import { WEB_DIST } from '../web-console-build.js';
import { consoleMetricsRoutes } from './console-metrics.routes.js';

/** Paths the console never answers for, even when a browser asks for HTML: they belong to the API. */
const RESERVED = ['/api', '/docs', '/health', '/metrics', '/internal', '/.well-known'];

const HTML_HEADERS = {
  'Cache-Control': 'no-cache',
  'Content-Security-Policy':
    "default-src 'self'; img-src 'self' data: https: http:; style-src 'self' 'unsafe-inline'; " +
    "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'",
  // Invitation and reset links carry their token in the query: never hand it to another site.
  'Referrer-Policy': 'no-referrer',
  'X-Content-Type-Options': 'nosniff',
};

const NOT_BUILT = `<!doctype html><html lang="en"><meta charset="utf-8"><title>Tenantbase</title>
<body style="font-family:system-ui;max-width:40rem;margin:4rem auto;padding:0 1rem">
<h1>The web console is not built yet</h1>
<p>Run <code>npm install</code> (or <code>npm run build:web</code>) in the Tenantbase folder and reload.
The API is running: see <a href="/docs">/docs</a>.</p></body></html>`;

function isReserved(pathname: string): boolean {
  return RESERVED.some((prefix) => pathname === prefix || pathname.startsWith(`${prefix}/`));
}

function wantsHtml(accept: string | undefined): boolean {
  return /text\/html|application\/xhtml\+xml/i.test(accept ?? '');
}

/** A file of the build the path names, or undefined; never a path outside `web/dist`. */
async function builtFile(pathname: string): Promise<string | undefined> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return undefined;
  }
  if (decoded.includes('\0') || decoded.split('/').some((part) => part === '..')) return undefined;
  const relative = decoded.replace(/^\/+/, '');
  if (!relative) return undefined;
  const info = await stat(path.join(WEB_DIST, relative)).catch(() => undefined);
  return info?.isFile() ? relative : undefined;
}

function sendIndex(reply: FastifyReply): FastifyReply {
  reply.headers(HTML_HEADERS);
  if (!existsSync(path.join(WEB_DIST, 'index.html'))) return reply.type('text/html').send(NOT_BUILT);
  return reply.sendFile('index.html', WEB_DIST, { cacheControl: false });
}

/**
 * The web console (`web/dist`) at `/`, with deep links: any other GET that a browser makes for
 * a page gets the single-page app, which routes it. API, docs, ops and internal paths keep their
 * own 404 answers. Also registers the console's own metrics endpoint.
 */
export function webConsoleRoutes(app: FastifyInstance, services: HttpServices): void {
  consoleMetricsRoutes(app, services);
  app.register(async (scope) => {
    scope.addHook('onRoute', (route) => {
      route.config = { ...(route.config ?? {}), public: true };
    });
    await scope.register(fastifyStatic, { root: WEB_DIST, serve: false });

    scope.get('/*', { schema: { hide: true } }, async (request, reply) => {
      const pathname = request.url.split('?')[0] ?? '/';
      if (isReserved(pathname)) throw new AppError('NOT_FOUND', 'No such route');
      const file = await builtFile(pathname);
      if (file === 'index.html') return sendIndex(reply);
      if (file) {
        const hashed = file.startsWith('assets/');
        return reply.sendFile(file, WEB_DIST, {
          cacheControl: true,
          maxAge: hashed ? '365d' : '1h',
          immutable: hashed,
        });
      }
      if (pathname === '/' || wantsHtml(request.headers.accept)) return sendIndex(reply);
      throw new AppError('NOT_FOUND', 'No such route');
    });
  });
}
