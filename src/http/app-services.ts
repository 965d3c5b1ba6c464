import type { Config } from '../config.js';
import type { AccessTokens } from '../identity/access-tokens.js';
import type { SigningKeys } from '../identity/signing-keys.js';
import type { TenantPermissions } from '../identity/tenant-permissions.js';
import type { TokenRevocations } from '../identity/token-revocations.js';
import type { JobQueue } from '../jobs/job-queue.js';
import type { JobWorker } from '../jobs/job-worker.js';
import type { MailQueue } from '../mail/mail-queue.js';
import type { Mailer } from '../mail/mailer.js';
import type { TenantModule } from '../modules/module.js';
import type { Metrics } from '../observability/metrics.js';
import type { RateLimits } from '../protection/rate-limits.js';
import type { TenantCache } from '../protection/tenant-cache.js';
import type { Redis } from 'ioredis';
import type { Tenancy } from '../tenancy/tenancy.js';

/** Long-lived collaborators the routes need, made once at start and passed in. */
export interface AppServices {
  config: Config;
  tenancy: Tenancy;
  keys: SigningKeys;
  tokens: AccessTokens;
  modules: TenantModule[];
  metrics: Metrics;
  rateLimits: RateLimits;
  cache: TenantCache;
  jobs: JobQueue;
  worker: JobWorker;
  /** Role names to permissions, from each tenant's own roles table. */
  permissions: TenantPermissions;
  /** Delivers mail; only the `send_mail` job calls it (use cases queue through `mail`). */
  mailer: Mailer;
  /** Ends access tokens of removed, disabled or demoted accounts and logged-out sessions. */
  revocations: TokenRevocations;
  /** Queues mail as `send_mail` jobs, after the caller's transaction commits. */
  mail: MailQueue;
  /** Shared store for limits and cache when REDIS_URL is set. */
  redis: Redis | undefined;
  /** True once shutdown began: readiness fails first so the balancer stops sending here. */
  shuttingDown(): boolean;
}
