import { createRemoteJWKSet, customFetch, type JWTVerifyGetKey } from 'jose';
import type { Kysely } from 'kysely';
import { LRUCache } from 'lru-cache';
import type { PlatformDatabase } from '../../db/platform-database.js';
import { publicFetch, type PublicFetch } from '../../outbound/fetch-public.js';
import type { OutboundPolicy } from '../../outbound/outbound-policy.js';
import type { Tenancy } from '../../tenancy/tenancy.js';
import type { OidcProviderRow } from './oidc-providers.table.js';

const MAX_ENTRIES = 10_000;
const JWKS_TIMEOUT_MS = 3000;
/** A key set of a few dozen keys is a few tens of KiB; anything far larger is not one. */
const JWKS_MAX_BYTES = 256 * 1024;

/**
 * Issuer → provider configuration and its remote key set, per running app. Configurations are
 * re-read every few seconds (a change in this process invalidates at once, other processes catch
 * up within `ttlMs`); unknown issuers are remembered too, so a stream of forged `iss` values costs
 * one indexed read each per TTL. One JWKS per issuer: jose caches its keys, refetches on an
 * unknown `kid` (key rotation) and rate-limits those refetches.
 */
export class OidcIssuers {
  private readonly found: LRUCache<string, { provider: OidcProviderRow | undefined }>;
  private readonly keySets = new Map<string, { jwksUrl: string; getKey: JWTVerifyGetKey }>();
  private readonly fetchJwks: PublicFetch;

  constructor(
    private readonly db: Kysely<PlatformDatabase>,
    policy: OutboundPolicy,
    ttlMs = 5000,
  ) {
    this.found = new LRUCache({ max: MAX_ENTRIES, ttl: ttlMs });
    this.fetchJwks = publicFetch({ policy, timeoutMs: JWKS_TIMEOUT_MS, maxBytes: JWKS_MAX_BYTES });
  }

  async find(issuer: string): Promise<OidcProviderRow | undefined> {
    const hit = this.found.get(issuer);
    if (hit) return hit.provider;
    const provider = await this.db
      .selectFrom('platform.oidc_providers')
      .selectAll()
      .where('issuer', '=', issuer)
      .executeTakeFirst();
    this.found.set(issuer, { provider });
    return provider;
  }

  /** The provider's key set, fetched from public addresses only; a changed JWKS URL starts a fresh one. */
  keySet(provider: OidcProviderRow): JWTVerifyGetKey {
    const cached = this.keySets.get(provider.issuer);
    if (cached?.jwksUrl === provider.jwks_url) return cached.getKey;
    const getKey = createRemoteJWKSet(new URL(provider.jwks_url), {
      timeoutDuration: JWKS_TIMEOUT_MS,
      cooldownDuration: 30_000,
      cacheMaxAge: 10 * 60_000,
      [customFetch]: this.fetchJwks,
    });
    this.keySets.set(provider.issuer, { jwksUrl: provider.jwks_url, getKey });
    return getKey;
  }

  /** Forgets what this process knows about `issuer` after its configuration changed here. */
  invalidate(issuer: string): void {
    this.found.delete(issuer);
    this.keySets.delete(issuer);
  }
}

// Kept beside the app's Tenancy rather than in AppServices: the OIDC module owns this cache, and
// both the authenticate hook and the configuration routes reach it through the same tenancy.
const byTenancy = new WeakMap<Tenancy, OidcIssuers>();

/** The one issuer cache of the app that owns `tenancy`; `policy` is the app's, the same on every call. */
export function oidcIssuersOf(tenancy: Tenancy, policy: OutboundPolicy): OidcIssuers {
  let issuers = byTenancy.get(tenancy);
  if (!issuers) {
    issuers = new OidcIssuers(tenancy.platformDb, policy);
    byTenancy.set(tenancy, issuers);
  }
  return issuers;
}
