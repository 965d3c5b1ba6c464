import { existsSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { decodeSecretsKey, secretsKeyProblem } from './platform/secrets/secrets-key.js';

/** Validated runtime configuration; every field comes from the environment (README, Configuration). */
export interface Config {
  port: number;
  host: string;
  databaseUrl: string | undefined;
  databaseAppUrl: string | undefined;
  /**
   * A direct connection (same role and database as DATABASE_URL) for what a transaction pooler
   * cannot carry: migrations, session advisory locks, LISTEN. Set means DATABASE_URL is pooled.
   */
  databaseDirectUrl: string | undefined;
  databaseServers: DatabaseServerConfig[];
  /**
   * TENANT_DATABASES_DIRECT: `database` tenants' request connections go straight to their server
   * (DATABASE_DIRECT_URL, or the server's DATABASE_SERVERS_DIRECT address) instead of through the
   * pooler. Each tenant database is a pooler pool of its own, so a pooler in front of many of them
   * only closes and reopens their server connections; the application's per-server cap
   * (TENANT_DB_CONNECTION_CAP) bounds them instead.
   */
  tenantDatabasesDirect: boolean;
  redisUrl: string | undefined;
  /** Origins a browser may call the API from (CORS); empty: none. */
  corsOrigins: string[];
  baseDomain: string | undefined;
  adminEmail: string | undefined;
  adminPassword: string | undefined;
  dataDir: string;
  logLevel: string;
  smtpUrl: string | undefined;
  /** Where people reach this server; links in mails start here. */
  publicUrl: string;
  /** The From of every mail sent through SMTP_URL. */
  mailFrom: string;
  internalToken: string | undefined;
  /** Prefix for every cluster-wide name (roles, tenant databases), so test runs sharing a server never collide. */
  namespace: string;
  /** Connections per pool for the platform database (which also holds pool and schema tenants). */
  poolMax: number;
  /** Connections one tenant database may hold open at once. */
  tenantDbPoolMax: number;
  /** PostgreSQL `statement_timeout` of every application connection; a job may raise it for itself. */
  statementTimeoutMs: number;
  /** PostgreSQL `idle_in_transaction_session_timeout` of every application connection. */
  idleInTransactionTimeoutMs: number;
  /** How long a request waits for a free application connection before 503 UNAVAILABLE. */
  poolCheckoutTimeoutMs: number;
  /** Connection, greeting and socket timeout of the SMTP transport. */
  smtpTimeoutMs: number;
  /** Connections all tenant databases together may hold open at once, per server process. */
  tenantDbConnectionCap: number;
  accessTokenTtlSeconds: number;
  /** Tenants that get their own metric label; the rest are folded into `other`. */
  metricsTenantLabels: number;
  cacheTtlSeconds: number;
  /** Background jobs this process runs at once; 0 makes it an API-only process. */
  jobConcurrency: number;
  /** How long a claimed job stays claimed without a heartbeat: the wait before a crashed process's job resumes elsewhere. */
  jobLeaseSeconds: number;
  /** On SIGTERM, how long in-flight requests and running jobs get before leases are handed back and connections cut. */
  shutdownGraceSeconds: number;
  /** Share of the platform pool one tenant may use at once, by tier (noisy-neighbour fairness). */
  tenantConcurrency: { standard: number; premium: number; enterprise: number };
  /** Rejects tenant-table queries without a tenant_id predicate; on in tests. */
  tenantQueryGuard: boolean;
  /** Lifetime of one refresh token; each refresh issues a fresh one. */
  refreshTokenTtlSeconds: number;
  /** Window in which failed logins are counted (per account and per address); a lockout lasts at most this. */
  loginLockoutSeconds: number;
  /** Administrators must sign in with TOTP; one without it only gets a token to enrol. */
  requireAdminMfa: boolean;
  /** How long one Redis command may take before limits and cache treat the store as down. */
  redisCommandTimeoutMs: number;
  /** Proxies whose X-Forwarded-For is believed: a hop count or addresses/CIDRs; false believes none. */
  trustProxy: false | number | string[];
  /** Bearer token for /metrics scrapers (INTERNAL_TOKEN works too). */
  metricsToken: string | undefined;
  /** Lets OIDC fetches reach loopback and private addresses (and plain http on loopback): tests only. */
  oidcAllowPrivateTargets: boolean;
  /** Self-service signup (`POST /auth/signup`); off answers 403 FORBIDDEN (SIGNUP_ENABLED). */
  signupEnabled: boolean;
  /** How long a write's answer waits for its audit entry to be sealed; 0 answers at commit. */
  auditSealWaitMs: number;
  /** How often the sweep seals audit entries a dead process left unsealed (AUDIT_SWEEP_EVERY_MS). */
  auditSweepEveryMs: number;
  /** How often each process writes its per-tenant request counts for the fleet reports. */
  trafficFlushMs: number;
  /**
   * Key-encryption key for secrets at rest (SECRETS_KEY, 32 bytes base64); undefined: one is
   * generated once under DATA_DIR, which production with DATABASE_URL refuses.
   */
  secretsKey: Buffer | undefined;
}

export interface DatabaseServerConfig {
  name: string;
  url: string;
  /**
   * The same server reached without the pooler (DATABASE_SERVERS_DIRECT), when `url` goes through
   * one: provisioning, migrations and session advisory locks use it, as DATABASE_DIRECT_URL for `default`.
   */
  directUrl?: string;
}

/** A configuration value that is wrong; the server stops with this one line. */
/** Tenant-database connections per process: the embedded server runs with max_connections=400, another may have 100. */
export const DEFAULT_TENANT_DB_CONNECTION_CAP = { embedded: 300, external: 60 } as const;

export class ConfigError extends Error {
  constructor(variable: string, expectation: string) {
    super(`${variable}: ${expectation}`);
    this.name = 'ConfigError';
  }
}

type Env = Record<string, string | undefined>;

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

function optional(env: Env, name: string): string | undefined {
  const value = env[name]?.trim();
  return value ? value : undefined;
}

function integer(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = optional(env, name);
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new ConfigError(name, `expected a whole number from ${min} to ${max}, got "${raw}"`);
  }
  return value;
}

function boolean(env: Env, name: string, fallback: boolean): boolean {
  const raw = optional(env, name)?.toLowerCase();
  if (raw === undefined) return fallback;
  if (raw === 'true' || raw === '1') return true;
  if (raw === 'false' || raw === '0') return false;
  throw new ConfigError(name, `expected true or false, got "${raw}"`);
}

function postgresUrl(env: Env, name: string): string | undefined {
  const raw = optional(env, name);
  if (raw === undefined) return undefined;
  if (!isPostgresUrl(raw)) throw new ConfigError(name, 'expected a postgres:// or postgresql:// URL');
  return raw;
}

function isPostgresUrl(raw: string): boolean {
  try {
    const url = new URL(raw);
    return url.protocol === 'postgres:' || url.protocol === 'postgresql:';
  } catch {
    return false;
  }
}

function directUrl(env: Env): string | undefined {
  const url = postgresUrl(env, 'DATABASE_DIRECT_URL');
  if (url !== undefined && optional(env, 'DATABASE_URL') === undefined)
    throw new ConfigError('DATABASE_DIRECT_URL', 'needs DATABASE_URL (the pooled connection) as well');
  return url;
}

function databaseServers(env: Env): DatabaseServerConfig[] {
  const raw = optional(env, 'DATABASE_SERVERS');
  if (raw === undefined) {
    if (optional(env, 'DATABASE_SERVERS_DIRECT') !== undefined)
      throw new ConfigError(
        'DATABASE_SERVERS_DIRECT',
        'needs DATABASE_SERVERS (the servers it gives direct addresses for)',
      );
    return [];
  }
  const servers = raw.split(',').map((entry, index) => {
    const trimmed = entry.trim();
    const eq = trimmed.indexOf('=');
    const named = eq > 0 && !trimmed.slice(0, eq).includes(':');
    const name = named ? trimmed.slice(0, eq) : `server-${index + 1}`;
    const url = named ? trimmed.slice(eq + 1) : trimmed;
    if (!/^[a-z][a-z0-9-]{0,30}$/.test(name) || name === 'default') {
      throw new ConfigError(
        'DATABASE_SERVERS',
        `server name "${name}" must be a lowercase slug other than "default"`,
      );
    }
    if (!isPostgresUrl(url)) {
      throw new ConfigError('DATABASE_SERVERS', 'expected a comma-separated list of [name=]postgres:// URLs');
    }
    return { name, url };
  });
  const direct = databaseServersDirect(env, servers);
  return servers.map((server) =>
    direct.has(server.name) ? { ...server, directUrl: direct.get(server.name)! } : server,
  );
}

/** `DATABASE_SERVERS_DIRECT=name=postgres://...`: a direct address for servers of DATABASE_SERVERS behind a pooler. */
function databaseServersDirect(env: Env, servers: DatabaseServerConfig[]): Map<string, string> {
  const raw = optional(env, 'DATABASE_SERVERS_DIRECT');
  const direct = new Map<string, string>();
  if (raw === undefined) return direct;
  for (const entry of raw.split(',')) {
    const trimmed = entry.trim();
    const eq = trimmed.indexOf('=');
    const name = eq > 0 ? trimmed.slice(0, eq) : '';
    const url = trimmed.slice(eq + 1);
    if (!name || name.includes(':') || !isPostgresUrl(url)) {
      throw new ConfigError(
        'DATABASE_SERVERS_DIRECT',
        'expected a comma-separated list of name=postgres:// URLs, one per server of DATABASE_SERVERS behind a pooler',
      );
    }
    if (!servers.some((server) => server.name === name)) {
      throw new ConfigError('DATABASE_SERVERS_DIRECT', `"${name}" is not a server of DATABASE_SERVERS`);
    }
    if (direct.has(name)) throw new ConfigError('DATABASE_SERVERS_DIRECT', `"${name}" is given twice`);
    direct.set(name, url);
  }
  return direct;
}

/**
 * TENANT_DATABASES_DIRECT=true needs a direct address for every server whose configured one may be
 * a pooler: DATABASE_DIRECT_URL for `default` when DATABASE_URL is set (an embedded server has no
 * pooler in front). A server of DATABASE_SERVERS without DATABASE_SERVERS_DIRECT is taken to be
 * direct already, as it was before the setting existed.
 */
function tenantDatabasesDirect(env: Env): boolean {
  const on = boolean(env, 'TENANT_DATABASES_DIRECT', false);
  if (
    on &&
    optional(env, 'DATABASE_URL') !== undefined &&
    optional(env, 'DATABASE_DIRECT_URL') === undefined
  ) {
    throw new ConfigError(
      'TENANT_DATABASES_DIRECT',
      'needs DATABASE_DIRECT_URL (the direct address of the server behind DATABASE_URL)',
    );
  }
  return on;
}

/** `CORS_ORIGINS=https://app.example.com,http://localhost:5173`: exact origins, no paths, no wildcards. */
function corsOrigins(env: Env): string[] {
  const raw = optional(env, 'CORS_ORIGINS');
  if (raw === undefined) return [];
  return raw.split(',').map((entry) => {
    const trimmed = entry.trim();
    let url: URL | undefined;
    try {
      url = new URL(trimmed);
    } catch {
      url = undefined;
    }
    if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:') || url.origin !== trimmed) {
      throw new ConfigError(
        'CORS_ORIGINS',
        `expected comma-separated origins such as https://app.example.com (scheme, host, optional port), got "${trimmed}"`,
      );
    }
    return url.origin;
  });
}

/** `TRUST_PROXY=2` (hops) or `TRUST_PROXY=10.0.0.0/8,192.168.1.7` (addresses and CIDRs); unset or 0 is off. */
function trustProxy(env: Env): Config['trustProxy'] {
  const raw = optional(env, 'TRUST_PROXY');
  if (raw === undefined) return false;
  if (/^\d+$/.test(raw)) {
    const hops = Number(raw);
    if (hops > 32) throw new ConfigError('TRUST_PROXY', `expected at most 32 hops, got "${raw}"`);
    return hops === 0 ? false : hops;
  }
  const entries = raw.split(',').map((entry) => entry.trim());
  for (const entry of entries) {
    const [address, prefix, extra] = entry.split('/');
    const family = net.isIP(address ?? '');
    const prefixOk =
      prefix === undefined || (/^\d{1,3}$/.test(prefix) && Number(prefix) <= (family === 6 ? 128 : 32));
    if (family === 0 || !prefixOk || extra !== undefined) {
      throw new ConfigError(
        'TRUST_PROXY',
        `expected a number of hops or a comma-separated list of addresses/CIDRs such as 10.0.0.0/8, got "${entry}"`,
      );
    }
  }
  return entries;
}

/** `TENANT_CONCURRENCY=standard:2,premium:4,enterprise:8`: concurrent database scopes per tenant. */
function tenantConcurrency(env: Env): Config['tenantConcurrency'] {
  const result = { standard: 3, premium: 5, enterprise: 8 };
  const raw = optional(env, 'TENANT_CONCURRENCY');
  if (raw === undefined) return result;
  for (const part of raw.split(',')) {
    const match = /^(standard|premium|enterprise):(\d{1,4})$/.exec(part.trim());
    if (!match || Number(match[2]) < 1) {
      throw new ConfigError(
        'TENANT_CONCURRENCY',
        'expected tier:count pairs such as standard:3,premium:5,enterprise:8',
      );
    }
    result[match[1] as keyof typeof result] = Number(match[2]);
  }
  return result;
}

/** SECRETS_KEY; required where a key generated on the local disk would not follow the database. */
function secretsKey(env: Env): Buffer | undefined {
  const raw = optional(env, 'SECRETS_KEY');
  if (raw === undefined) {
    if (optional(env, 'DATABASE_URL') !== undefined && env.NODE_ENV === 'production') {
      throw new ConfigError(
        'SECRETS_KEY',
        'required with DATABASE_URL in production: 32 random bytes, base64 (openssl rand -base64 32)',
      );
    }
    return undefined;
  }
  const problem = secretsKeyProblem(raw);
  if (problem) throw new ConfigError('SECRETS_KEY', problem);
  return decodeSecretsKey(raw);
}

/** Reads and validates the environment (and `.env` when present); throws ConfigError on the first bad value. */
export function loadConfig(env: Env = process.env): Config {
  if (env === process.env && existsSync('.env')) process.loadEnvFile('.env');

  const logLevel = optional(env, 'LOG_LEVEL') ?? 'info';
  if (!LOG_LEVELS.includes(logLevel))
    throw new ConfigError('LOG_LEVEL', `expected one of ${LOG_LEVELS.join(', ')}`);

  const adminEmail = optional(env, 'ADMIN_EMAIL');
  if (adminEmail !== undefined && !/^[^@\s]+@[^@\s]+$/.test(adminEmail)) {
    throw new ConfigError('ADMIN_EMAIL', 'expected an email address');
  }
  const adminPassword = optional(env, 'ADMIN_PASSWORD');
  if (adminPassword !== undefined && adminPassword.length < 8) {
    throw new ConfigError('ADMIN_PASSWORD', 'expected at least 8 characters');
  }
  const baseDomain = optional(env, 'BASE_DOMAIN')?.toLowerCase();
  if (
    baseDomain !== undefined &&
    !/^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*(:\d+)?$/.test(baseDomain)
  ) {
    throw new ConfigError('BASE_DOMAIN', 'expected a host name such as example.com');
  }
  const redisUrl = optional(env, 'REDIS_URL');
  if (redisUrl !== undefined && !/^rediss?:\/\//.test(redisUrl)) {
    throw new ConfigError('REDIS_URL', 'expected a redis:// or rediss:// URL');
  }
  const smtpUrl = optional(env, 'SMTP_URL');
  if (smtpUrl !== undefined && !/^smtps?:\/\//.test(smtpUrl)) {
    throw new ConfigError('SMTP_URL', 'expected an smtp:// or smtps:// URL');
  }
  const port = integer(env, 'PORT', 3000, 0, 65535);
  const publicUrl = optional(env, 'PUBLIC_URL') ?? `http://localhost:${port}`;
  if (!/^https?:\/\/[^/\s]+(\/\S*)?$/.test(publicUrl)) {
    throw new ConfigError(
      'PUBLIC_URL',
      'expected an http:// or https:// URL such as https://app.example.com',
    );
  }
  const mailFrom = optional(env, 'MAIL_FROM') ?? `Tenantbase <no-reply@${new URL(publicUrl).hostname}>`;
  if (!/^[^@\s<>]+@[^@\s<>]+$|^[^<>]*<[^@\s<>]+@[^@\s<>]+>$/.test(mailFrom)) {
    throw new ConfigError('MAIL_FROM', 'expected an address such as "Acme <no-reply@example.com>"');
  }
  const internalToken = optional(env, 'INTERNAL_TOKEN');
  if (internalToken !== undefined && internalToken.length < 16) {
    throw new ConfigError('INTERNAL_TOKEN', 'expected at least 16 characters');
  }
  const metricsToken = optional(env, 'METRICS_TOKEN');
  if (metricsToken !== undefined && metricsToken.length < 16) {
    throw new ConfigError('METRICS_TOKEN', 'expected at least 16 characters');
  }
  const namespace = optional(env, 'TENANTBASE_NAMESPACE') ?? '';
  if (namespace !== '' && !/^[a-z][a-z0-9_]{0,14}$/.test(namespace)) {
    throw new ConfigError('TENANTBASE_NAMESPACE', 'expected up to 15 lowercase letters, digits or _');
  }

  return {
    port,
    host: optional(env, 'HOST') ?? '127.0.0.1',
    databaseUrl: postgresUrl(env, 'DATABASE_URL'),
    databaseAppUrl: postgresUrl(env, 'DATABASE_APP_URL'),
    databaseDirectUrl: directUrl(env),
    corsOrigins: corsOrigins(env),
    databaseServers: databaseServers(env),
    tenantDatabasesDirect: tenantDatabasesDirect(env),
    redisUrl,
    baseDomain,
    adminEmail,
    adminPassword,
    dataDir: path.resolve(optional(env, 'DATA_DIR') ?? '.data'),
    logLevel,
    smtpUrl,
    publicUrl: publicUrl.replace(/\/+$/, ''),
    mailFrom,
    internalToken,
    namespace,
    poolMax: integer(env, 'DATABASE_POOL_MAX', 10, 1, 500),
    tenantDbPoolMax: integer(env, 'TENANT_DB_POOL_MAX', 4, 1, 100),
    statementTimeoutMs: integer(env, 'DATABASE_STATEMENT_TIMEOUT_MS', 30_000, 100, 86_400_000),
    idleInTransactionTimeoutMs: integer(
      env,
      'DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS',
      10_000,
      100,
      86_400_000,
    ),
    poolCheckoutTimeoutMs: integer(env, 'DATABASE_POOL_CHECKOUT_TIMEOUT_MS', 5000, 100, 600_000),
    smtpTimeoutMs: integer(env, 'SMTP_TIMEOUT_MS', 10_000, 100, 600_000),
    tenantDbConnectionCap: integer(
      env,
      'TENANT_DB_CONNECTION_CAP',
      DEFAULT_TENANT_DB_CONNECTION_CAP[env.DATABASE_URL ? 'external' : 'embedded'],
      1,
      10000,
    ),
    accessTokenTtlSeconds: integer(env, 'ACCESS_TOKEN_TTL_SECONDS', 900, 30, 86400),
    metricsTenantLabels: integer(env, 'METRICS_TENANT_LABELS', 100, 0, 100000),
    cacheTtlSeconds: integer(env, 'CACHE_TTL_SECONDS', 30, 1, 3600),
    jobConcurrency: integer(env, 'JOB_CONCURRENCY', 2, 0, 64),
    jobLeaseSeconds: integer(env, 'JOB_LEASE_SECONDS', 30, 1, 3600),
    shutdownGraceSeconds: integer(env, 'SHUTDOWN_GRACE_SECONDS', 20, 0, 3600),
    tenantConcurrency: tenantConcurrency(env),
    tenantQueryGuard:
      optional(env, 'TENANT_QUERY_GUARD') === 'true' || env.NODE_ENV === 'test' || env.VITEST === 'true',
    refreshTokenTtlSeconds: integer(env, 'REFRESH_TOKEN_TTL_SECONDS', 30 * 86400, 60, 365 * 86400),
    loginLockoutSeconds: integer(env, 'LOGIN_LOCKOUT_SECONDS', 900, 1, 86400),
    requireAdminMfa: boolean(env, 'REQUIRE_ADMIN_MFA', false),
    redisCommandTimeoutMs: integer(env, 'REDIS_COMMAND_TIMEOUT_MS', 500, 10, 60_000),
    trustProxy: trustProxy(env),
    metricsToken,
    oidcAllowPrivateTargets: boolean(env, 'OIDC_ALLOW_PRIVATE_TARGETS', false),
    signupEnabled: boolean(env, 'SIGNUP_ENABLED', true),
    auditSealWaitMs: integer(env, 'AUDIT_SEAL_WAIT_MS', 0, 0, 60000),
    auditSweepEveryMs: integer(env, 'AUDIT_SWEEP_EVERY_MS', 30_000, 1000, 3_600_000),
    trafficFlushMs: integer(env, 'TRAFFIC_FLUSH_MS', 10_000, 100, 300_000),
    secretsKey: secretsKey(env),
  };
}
