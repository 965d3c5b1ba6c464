import { timingSafeEqual } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import type { Config } from '../config.js';

const LOOPBACK = /^(127\.\d+\.\d+\.\d+|::1|::ffff:127\.\d+\.\d+\.\d+)$/;

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

function scrapeTokens(config: Config): string[] {
  return [config.metricsToken, config.internalToken].filter((token) => token !== undefined);
}

/** A bearer token that is METRICS_TOKEN or INTERNAL_TOKEN: authentication leaves it to the scrape route. */
export function isScrapeToken(token: string, config: Config): boolean {
  return scrapeTokens(config).some((expected) => sameSecret(token, expected));
}

/**
 * A forwarding header the trusted hops do not account for: with TRUST_PROXY off, any such
 * header means a proxy (perhaps on this machine) relays someone else; with it on, addresses
 * left in X-Forwarded-For beyond the client's mean an untrusted hop claims to forward.
 */
function forwardedByUntrustedHop(request: FastifyRequest, config: Config): boolean {
  const { headers } = request;
  const forwardedFor = [headers['x-forwarded-for']]
    .flat()
    .join(',')
    .split(',')
    .filter((entry) => entry.trim() !== '');
  if (config.trustProxy === false)
    return forwardedFor.length > 0 || headers.forwarded !== undefined || headers['x-real-ip'] !== undefined;
  const trustedHops = (request.ips?.length ?? 1) - 1;
  return forwardedFor.length > trustedHops;
}

/**
 * Tenant ids are metric labels, so the scrape is for operators: a platform administrator, or
 * `Authorization: Bearer` METRICS_TOKEN or INTERNAL_TOKEN (X-Internal-Token too) when either
 * is set. With neither set, only a client on loopback: its real address (after TRUST_PROXY)
 * is loopback and nothing forwarded it, so a reverse proxy on the same machine does not open
 * /metrics to the world.
 */
export function mayScrapeMetrics(request: FastifyRequest, config: Config): boolean {
  if (request.principal?.kind === 'platform_admin') return true;
  if (scrapeTokens(config).length > 0) {
    const bearer = /^Bearer (\S+)$/.exec(request.headers.authorization ?? '')?.[1];
    const internal = request.headers['x-internal-token'];
    return (
      (bearer !== undefined && isScrapeToken(bearer, config)) ||
      (typeof internal === 'string' &&
        config.internalToken !== undefined &&
        sameSecret(internal, config.internalToken))
    );
  }
  return LOOPBACK.test(request.ip) && !forwardedByUntrustedHop(request, config);
}
