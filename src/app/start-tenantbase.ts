import type { FastifyInstance } from 'fastify';
import type { Config } from '../config.js';
import { bootstrapDatabase } from '../db/bootstrap-database.js';
import { ownerPlatformDb } from '../db/owner-platform-db.js';
import { type BuildAppOptions, buildApp } from '../http/build-app.js';
import type { HttpEdge } from '../http/http-services.js';
import type { AppServices } from './app-services.js';
import { moduleEdge } from './module-edge.js';
import { AccessTokens } from '../identity/access-tokens.js';
import { SigningKeys } from '../identity/signing-keys.js';
import { TenantPermissions } from '../identity/tenant-permissions.js';
import { TokenRevocations } from '../identity/token-revocations.js';
import { createMailer } from '../mail/create-mailer.js';
import { MailQueue } from '../mail/mail-queue.js';
import type { TenantModule } from '../modules/module.js';
import { AuditSealer } from '../modules/audit/audit-sealer.js';
import { scheduleAuditSweep } from '../modules/audit/audit-sweep-job.js';
import { installModuleCatalogue } from '../modules/module-catalogue.js';
import { registeredModules } from '../modules/registered-modules.js';
import { LazyForecastEngine } from '../modules/forecasting/lazy-forecast-engine.js';
import { bootstrapPlatform } from '../platform/bootstrap-platform.js';
import { JobQueue } from '../jobs/job-queue.js';
import { JobWorker } from '../jobs/job-worker.js';
import { MAINTENANCE_EVERY_MS, scheduleMaintenance } from '../jobs/maintenance-job.js';
import { MIGRATE_JOB, registerJobHandlers } from './register-job-handlers.js';
import {
  MEASURE_STORAGE_EVERY_MS,
  scheduleStorageMeasurement,
} from '../modules/tenants/measure-storage-job.js';
import { Metrics } from '../observability/metrics.js';
import { registerFleetGauges } from '../modules/fleet-reports/fleet-gauges.js';
import { startTrafficFlush } from '../modules/fleet-reports/flush-tenant-traffic.js';
import { FLEET_ROLLUP_EVERY_MS, scheduleFleetRollup } from '../modules/fleet-reports/rollup-job.js';
import { registerDependencyGauges } from '../observability/dependency-gauges.js';
import { registerPoolGauges } from '../observability/pool-gauges.js';
import { connectRedis } from '../protection/connect-redis.js';
import { RateLimits } from '../protection/rate-limits.js';
import { StoreOutage } from '../protection/store-outage.js';
import { shutDownInOrder } from '../shut-down-in-order.js';
import { TenantCache } from '../protection/tenant-cache.js';
import { findBehind } from '../tenancy/migrations/migrate-tenant-storages.js';
import { Tenancy } from '../tenancy/tenancy.js';
import type { Isolation } from '../tenancy/tenant-scope.js';
import { ISOLATIONS } from '../tenancy/tiers.js';

/** A started Tenantbase: its services, its app (not yet listening) and how to stop it all. */
export interface Tenantbase {
  services: AppServices;
  /** What the modules add to the HTTP edge; a second app (benchmarks) is built with it. */
  edge: HttpEdge;
  app: FastifyInstance;
  close(): Promise<void>;
}

export interface StartOptions extends BuildAppOptions<AppServices> {
  /** False for CLI commands: they run jobs only when they wait for one. */
  startWorker?: boolean;
  modules?: TenantModule[];
  log?: (line: string) => void;
}

/**
 * Everything `npm start` does before listening: databases, migrations, keys, first-start
 * bootstrap, the app. Tests and benchmarks call it too.
 */
export async function startTenantbase(config: Config, options: StartOptions = {}): Promise<Tenantbase> {
  const log = options.log ?? (() => undefined);
  const modules = options.modules ?? registeredModules;
  installModuleCatalogue(modules);
  const endpoints = await bootstrapDatabase(config, log, modules);
  const metrics = new Metrics({ maxTenantLabels: config.metricsTenantLabels });
  const byIsolation = (histogram: Metrics['queryDuration']) =>
    Object.fromEntries(ISOLATIONS.map((isolation) => [isolation, histogram.labels(isolation)])) as Record<
      Isolation,
      { observe(value: number): void }
    >;
  const queryDuration = byIsolation(metrics.queryDuration);
  const scopeWait = byIsolation(metrics.scopeWait);
  const tenancy = new Tenancy(
    endpoints,
    {
      tables: modules.flatMap((m) => m.tables),
      migrations: modules
        .filter((m) => m.migrations.length > 0)
        .map((m) => ({ module: m.name, migrations: m.migrations })),
      seeds: modules.flatMap((m) => (m.seedTenant ? [m.seedTenant] : [])),
    },
    {
      poolMax: config.poolMax,
      tenantDbPoolMax: config.tenantDbPoolMax,
      tenantDbConnectionCap: config.tenantDbConnectionCap,
      queryGuard: config.tenantQueryGuard,
      concurrencyFor: (tier) => config.tenantConcurrency[tier],
      observeQuery: (isolation, seconds) => queryDuration[isolation].observe(seconds),
      observeWait: (isolation, seconds) => scopeWait[isolation].observe(seconds),
      statementTimeoutMs: config.statementTimeoutMs,
      idleInTransactionTimeoutMs: config.idleInTransactionTimeoutMs,
      checkoutTimeoutMs: config.poolCheckoutTimeoutMs,
    },
  );
  const sealer = new AuditSealer(tenancy, {
    waitMs: config.auditSealWaitMs,
    onSealed: (_tenantId, entries) => metrics.auditSeals.inc({ outcome: 'sealed' }, entries),
    onError: (tenantId, error) => {
      metrics.auditSeals.inc({ outcome: 'failed' });
      log(`audit sealer (${tenantId}): ${error instanceof Error ? error.message : String(error)}`);
    },
  });
  tenancy.onCommit(sealer.listener);
  const redis = config.redisUrl
    ? await connectRedis(config.redisUrl, log, config.redisCommandTimeoutMs)
    : undefined;
  const redisOutage = new StoreOutage({
    pauseMs: 1000,
    onChange: (down) =>
      log(
        down
          ? 'redis: not answering; limits fail open or closed by class, cache misses'
          : 'redis: answering again',
      ),
  });
  const prefix = `tenantbase:${config.namespace || 'main'}`;
  const rateLimits = new RateLimits({
    redis,
    outage: redisOutage,
    keyPrefix: `${prefix}:rl`,
    onStoreFailure: (limitClass) => metrics.limiterFailures.inc({ class: limitClass }),
  });
  const cache = new TenantCache({
    redis,
    outage: redisOutage,
    keyPrefix: `${prefix}:cache`,
    ttlSeconds: config.cacheTtlSeconds,
    maxEntries: 50_000,
    onLookup: (tenantId, result) =>
      metrics.cacheLookups.inc({ tenant: metrics.tenants.label(tenantId), result }),
  });
  registerPoolGauges(metrics, tenancy);
  registerDependencyGauges(metrics, tenancy, redis);
  registerFleetGauges(metrics, tenancy);
  const permissions = new TenantPermissions(tenancy);
  // Revocations reach every process within 5 s: by NOTIFY at once, by the poll at worst.
  const revocations = new TokenRevocations(tenancy.platformDb, {
    windowSeconds: config.accessTokenTtlSeconds + 60,
    pollMs: 2000,
    staleAfterMs: 15_000,
    listenUrl: endpoints.listenUrl,
    onRolesChanged: (tenantId) => permissions.invalidate(tenantId),
    onError: (error) => log(`token revocations: ${error instanceof Error ? error.message : String(error)}`),
  });
  let closed = false;
  try {
    await tenancy.migrateShared();
    const keys = new SigningKeys(ownerPlatformDb(tenancy.adminPool), endpoints.secrets);
    await keys.init();
    const tokens = new AccessTokens(keys, config.accessTokenTtlSeconds);
    await bootstrapPlatform(tenancy, config, log);
    await revocations.start();
    const jobs = new JobQueue(tenancy.platformDb);
    const worker = new JobWorker(jobs, {
      concurrency: Math.max(1, config.jobConcurrency),
      pollMs: 1000,
      leaseSeconds: config.jobLeaseSeconds,
      listenUrl: endpoints.listenUrl,
      onOutcome: (kind, outcome) => metrics.jobs.inc({ kind, outcome }),
      onError: (error) => log(`job worker: ${error instanceof Error ? error.message : String(error)}`),
    });
    const services: AppServices = {
      config,
      tenancy,
      keys,
      tokens,
      modules,
      metrics,
      rateLimits,
      cache,
      redis,
      shuttingDown: () => closed,
      jobs,
      worker,
      permissions,
      mailer: createMailer(config, tenancy.platformDb),
      revocations,
      mail: new MailQueue(jobs, config.publicUrl),
      forecastEngine: new LazyForecastEngine(),
    };
    registerJobHandlers(services);
    const edge = moduleEdge(services, modules);
    const app = await buildApp(services, edge, options);
    await app.ready();
    // Per-tenant counts for the fleet reports leave this process every few seconds, in one write.
    const trafficFlush = startTrafficFlush(tenancy.platformDb, metrics.traffic, {
      everyMs: config.trafficFlushMs,
      onError: (error) => log(`traffic flush: ${error instanceof Error ? error.message : String(error)}`),
    });
    if (config.jobConcurrency > 0 && options.startWorker !== false) {
      await worker.start();
      // The periodic measurement re-queues itself; this only starts the chain on a fresh install.
      await scheduleStorageMeasurement(jobs, new Date(Date.now() + MEASURE_STORAGE_EVERY_MS));
      await scheduleMaintenance(jobs, new Date(Date.now() + MAINTENANCE_EVERY_MS));
      // Soon after a start: a process that died may have left entries unsealed.
      await scheduleAuditSweep(jobs, new Date(Date.now() + config.auditSweepEveryMs));
      await scheduleFleetRollup(jobs, new Date(Date.now() + FLEET_ROLLUP_EVERY_MS));
      // An upgrade shipped new tenant migrations: schema and database tenants catch up in the background.
      const behind = await findBehind(tenancy);
      if (behind.length > 0) {
        log(`${behind.length} tenant storage(s) behind the latest migrations; migrating in the background`);
        await jobs.enqueue(MIGRATE_JOB, {});
      }
    }
    return {
      services,
      edge,
      app,
      async close() {
        if (closed) return;
        closed = true;
        await shutDownInOrder({
          app,
          worker,
          graceMs: config.shutdownGraceSeconds * 1000,
          closeMailer: async () => {
            await services.forecastEngine.close();
            await services.mailer.close();
          },
          closePools: async () => {
            await trafficFlush.stop();
            await revocations.stop();
            await tenancy.close();
          },
          closeRedis: () => redis?.disconnect(),
          stopEmbedded: async () => endpoints.embedded?.stop(),
          log,
        });
      },
    };
  } catch (error) {
    await revocations.stop();
    redis?.disconnect();
    await tenancy.close();
    await endpoints.embedded?.stop();
    throw error;
  }
}
