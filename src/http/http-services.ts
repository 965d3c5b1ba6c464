import type { FastifyInstance } from 'fastify';
import type { Redis } from 'ioredis';
import type { Config } from '../config.js';
import type { AccessTokens, Principal } from '../identity/access-tokens.js';
import type { SigningKeys } from '../identity/signing-keys.js';
import type { TenantPermissions } from '../identity/tenant-permissions.js';
import type { TokenRevocations } from '../identity/token-revocations.js';
import type { JobQueue } from '../jobs/job-queue.js';
import type { Metrics } from '../observability/metrics.js';
import type { RateLimits } from '../protection/rate-limits.js';
import type { TenantCache } from '../protection/tenant-cache.js';
import type { TenantRecord } from '../tenancy/registry/tenant-record.js';
import type { Tenancy } from '../tenancy/tenancy.js';
import type { TenantId } from '../tenancy/tenant-id.js';

/** What the HTTP edge itself uses, made once at start by the composition root (src/app/). */
export interface HttpServices {
  config: Config;
  tenancy: Tenancy;
  keys: SigningKeys;
  tokens: AccessTokens;
  metrics: Metrics;
  rateLimits: RateLimits;
  cache: TenantCache;
  jobs: JobQueue;
  /** Role names to permissions, from each tenant's own roles table. */
  permissions: TenantPermissions;
  /** Ends access tokens of removed, disabled or demoted accounts and logged-out sessions. */
  revocations: TokenRevocations;
  /** Shared store for limits and cache when REDIS_URL is set. */
  redis: Redis | undefined;
  /** True once shutdown began: readiness fails first so the balancer stops sending here. */
  shuttingDown(): boolean;
}

/** A bearer token kind that a module verifies (API keys, a tenant's own identity provider). */
export interface BearerCredential {
  /** Cheap shape test: the first credential that accepts a token verifies it. */
  accepts(token: string): boolean;
  principal(token: string): Promise<Principal>;
}

/** One module's routes, bound to the app's services by the composition root. */
export interface RouteModule {
  name: string;
  /** Feature key gating every route of the module unless a route names its own. */
  feature: string | null;
  register(app: FastifyInstance): void | Promise<void>;
}

/**
 * What modules add to the edge. http/ never imports a module: the composition root passes
 * these in, so the dependency points from modules to the edge and never back.
 */
export interface HttpEdge {
  /** Tried in order before the platform's own access tokens. */
  credentials: readonly BearerCredential[];
  routes: readonly RouteModule[];
  /** Records a platform administrator's request inside a tenant (after the response). */
  auditAdminAct(tenant: TenantRecord, details: Record<string, unknown>, write: boolean): Promise<void>;
  /** Queues a fresh storage measurement of a tenant that created much since the last one. */
  measureStorage(tenantId: TenantId): Promise<void>;
}
