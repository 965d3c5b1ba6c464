import type { FastifyInstance } from 'fastify';
import { AppError } from '../../errors.js';
import { requestContext } from '../../tenancy/tenant-context.js';
import type { BearerCredential, HttpServices } from '../http-services.js';
import { isScrapeToken } from '../metrics-access.js';
import { assertPlatformRoute } from '../platform-route-roles.js';

/** Verifies a bearer token when one is sent; routes not marked public require one (401 first). */
export function authenticatePlugin(
  app: FastifyInstance,
  services: HttpServices,
  credentials: readonly BearerCredential[],
): void {
  app.addHook('onRequest', async (request) => {
    const header = request.headers.authorization;
    if (header !== undefined) {
      const match = /^Bearer ([A-Za-z0-9._~+/=-]+)$/.exec(header);
      if (!match) throw new AppError('UNAUTHENTICATED', 'The Authorization header must be "Bearer <token>"');
      const token = match[1]!;
      // /metrics takes METRICS_TOKEN or INTERNAL_TOKEN as a bearer token and checks it itself.
      const scrapeToken = request.routeOptions.config.scrapeToken && isScrapeToken(token, services.config);
      if (!scrapeToken) {
        // API keys, and JWTs of another issuer (a tenant's own identity provider, docs/external-identity.md).
        // A token already verified as ours is neither: that spares decoding it again on every request.
        const credential = services.tokens.isVerified(token)
          ? undefined
          : credentials.find((kind) => kind.accepts(token));
        if (credential) request.principal = await credential.principal(token);
        else {
          request.principal = await services.tokens.verify(token);
          services.revocations.assertLive(request.principal);
        }
        const context = requestContext.current();
        if (context) {
          context.actorId = request.principal.id;
          context.actorType = request.principal.kind;
        }
      }
    }
    const config = request.routeOptions.config;
    if (!request.principal && !config.public && request.routeOptions.url !== undefined) {
      throw new AppError('UNAUTHENTICATED', 'Sign in first: this route needs an access token');
    }
    if (request.principal?.mfaSetupOnly && !config.mfaSetup) {
      throw new AppError(
        'FORBIDDEN',
        'Administrators must use multi-factor authentication: enrol with POST /api/v1/auth/mfa/enroll and /confirm, then sign in with totp',
      );
    }
  });
}

/**
 * Who may call a platform route: a permission check, so it runs after authentication and after
 * a tenant principal naming another tenant is refused (resolution comes first), yet before the
 * body is parsed.
 */
export function authorizePlatformRoutesPlugin(app: FastifyInstance): void {
  app.addHook('onRequest', async (request) => {
    const config = request.routeOptions.config;
    if (config.platformAdmin && request.principal?.kind !== 'platform_admin') {
      throw new AppError('FORBIDDEN', 'Only platform administrators may do this');
    }
    // Platform staff: each platform route names the roles that may call it (one table).
    const url = request.routeOptions.url;
    if (
      request.principal?.kind === 'platform_admin' &&
      !config.public &&
      config.tenant !== 'required' &&
      url
    ) {
      assertPlatformRoute(request.principal, request.method, url);
    }
  });
}
