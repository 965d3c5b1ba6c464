import Fastify, { type FastifyInstance, LogController, type RouteOptions } from 'fastify';
import type { LoggerOptions } from 'pino';
import { isPermission, PERMISSION_FORMAT } from '../identity/permissions.js';
import { BUSINESS_DOMAIN_FORMAT, isBusinessDomain } from '../tenancy/tiers.js';
import { requestContext } from '../tenancy/tenant-context.js';
import type { HttpEdge, HttpServices } from './http-services.js';
import './fastify-types.js';
import { apiDocs } from './openapi/api-docs.js';
import { auditAdminActsPlugin } from './plugins/audit-admin-acts.js';
import { authenticatePlugin, authorizePlatformRoutesPlugin } from './plugins/authenticate.js';
import { errorEnvelope } from './plugins/error-envelope.js';
import { frameworkErrorEnvelope, inputGuardPlugin } from './plugins/input-guard.js';
import { requestContextPlugin, requestId } from './plugins/request-context.js';
import { rateLimitPlugin } from './plugins/rate-limit.js';
import { requestMetricsPlugin } from './plugins/request-metrics.js';
import { resolveRequestTenantPlugin } from './plugins/resolve-request-tenant.js';
import { responseCachePlugin } from './plugins/response-cache.js';
import { storageLimitPlugin } from './plugins/storage-limit.js';
import { requestValidators } from './request-validators.js';
import { trustProxyOption } from './trust-proxy.js';
import { corsPlugin } from './plugins/cors.js';
import { internalRoutes } from './routes/internal.routes.js';
import { opsRoutes } from './routes/ops.routes.js';
import { webConsoleRoutes } from './routes/web-console.routes.js';

export interface BuildAppOptions<S extends HttpServices = HttpServices> {
  logger?: boolean | LoggerOptions;
  /** Extra routes (benchmark baselines) registered beside the product's. */
  extraRoutes?: (app: FastifyInstance, services: S) => void;
  /** Off only in benchmarks, to measure what rate limits, the cache and metrics cost. */
  protection?: boolean;
  /** Sees every route as it is registered; the isolation matrix enumerates tenant routes with it. */
  onRoute?: (route: RouteOptions) => void;
}

/** Log options shared by the server: JSON lines with request, tenant and user, secrets masked. */
export function loggerOptions(level: string): LoggerOptions {
  return {
    level,
    mixin() {
      const context = requestContext.current();
      if (!context) return {};
      return { tenant_id: context.tenantId ?? undefined, user_id: context.actorId ?? undefined };
    },
    redact: {
      paths: [
        'req.headers.authorization',
        'req.headers.cookie',
        'req.headers["x-internal-token"]',
        '*.password',
        '*.admin_password',
        '*.access_token',
        '*.refresh_token',
        '*.totp',
        '*.recovery_code',
        '*.secret',
        '*.token',
        '*.email',
      ],
      censor: '[masked]',
    },
  };
}

/**
 * Builds the HTTP app without listening, so tests and the CLI can use `inject()`. Everything
 * under /api/v1 is also reachable under the unversioned /api alias.
 */
export async function buildApp<S extends HttpServices>(
  services: S,
  edge: HttpEdge,
  options: BuildAppOptions<S> = {},
): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger ?? false,
    genReqId: (request) => requestId(request.headers['x-request-id']),
    logController: new LogController({ requestIdLogLabel: 'request_id' }),
    bodyLimit: 1024 * 1024,
    // request.ip is then the client's, so per-address limits and the /metrics loopback rule hold behind a proxy.
    trustProxy: trustProxyOption(services.config.trustProxy),
    rewriteUrl: (request) => {
      const url = request.url ?? '/';
      return url.startsWith('/api/') && !url.startsWith('/api/v1/') ? `/api/v1/${url.slice(5)}` : url;
    },
    schemaController: requestValidators({
      removeAdditional: false,
      allErrors: true,
      // Declared by the registered modules, so checked against the catalogue, not a schema enum.
      formats: { [PERMISSION_FORMAT]: isPermission, [BUSINESS_DOMAIN_FORMAT]: isBusinessDomain },
    }),
    frameworkErrors: frameworkErrorEnvelope,
  });
  if (options.onRoute) app.addHook('onRoute', options.onRoute);
  app.decorateRequest('principal', null);
  app.decorateRequest('tenant', null);
  app.decorateReply('errorCode', null);

  errorEnvelope(app);
  // First: a preflight is answered before the guards that would refuse it for carrying no token.
  corsPlugin(app, services.config.corsOrigins);
  inputGuardPlugin(app);
  requestContextPlugin(app);
  authenticatePlugin(app, services, edge.credentials);
  resolveRequestTenantPlugin(app, services);
  authorizePlatformRoutesPlugin(app);
  auditAdminActsPlugin(app, edge);
  storageLimitPlugin(app, services, edge);
  if (options.protection !== false) {
    rateLimitPlugin(app, services);
    responseCachePlugin(app, services);
    requestMetricsPlugin(app, services);
  }

  await apiDocs(app);

  opsRoutes(app, services);
  internalRoutes(app, services);
  webConsoleRoutes(app, services);
  await app.register(
    async (api) => {
      for (const module of edge.routes) {
        await api.register(async (scoped) => {
          scoped.addHook('onRoute', (route) => {
            const config = (route.config ?? {}) as Record<string, unknown>;
            if (config.feature === undefined)
              route.config = { ...config, feature: module.feature, module: module.name };
          });
          await module.register(scoped);
        });
      }
    },
    { prefix: '/api/v1' },
  );
  options.extraRoutes?.(app, services);
  return app;
}
