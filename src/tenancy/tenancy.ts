import { Kysely, type KyselyPlugin, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { DatabaseEndpoints } from '../db/bootstrap-database.js';
import { guardClient, guardPoolClients } from '../db/connection-faults.js';
import type { PlatformDatabase } from '../db/platform-database.js';
import { TenantCredentials } from './credentials/tenant-credentials.js';
import { quoteIdent } from '../db/sql-identifier.js';
import { loginAs } from './credentials/login-as.js';
import { dropTenantRole } from './credentials/tenant-roles.js';
import { DatabaseIsolation } from './isolation/database/database-isolation.js';
import { ServerPoolCaches } from './isolation/database/server-pool-caches.js';
import type { IsolationModel, StorageReport, TenantLocation } from './isolation/isolation-model.js';
import { PoolIsolation } from './isolation/pool/pool-isolation.js';
import { SchemaIsolation } from './isolation/schema/schema-isolation.js';
import type { StorageContext } from './isolation/storage-context.js';
import { migrationIds, POOL_STORAGE, storageKey } from './migrations/storage-key.js';
import type { ModuleMigrations } from './migrations/tenant-migration.js';
import type { TenantRecord } from './registry/tenant-record.js';
import { TenantRegistry } from './registry/tenant-registry.js';
import type { TenantId } from './tenant-id.js';
import { tenantQueryGuard } from './tenant-query-guard.js';
import {
  type Isolation,
  runInScope,
  type ScopeAccess,
  ScopeHandles,
  type TenantScope,
} from './tenant-scope.js';
import { TenantWorkLimiter } from './tenant-work-limiter.js';
import { TenantWriteFreezes } from './tenant-write-freezes.js';
import { AppError } from '../errors.js';
import type { Tier } from './tiers.js';

/**
 * Fills a tenant's storage with what its business domain brings (e.g. preset entry types). Runs at
 * provisioning and after the domain changes, so it must be idempotent and only ever add.
 */
export type TenantSeed = (scope: TenantScope, tenant: TenantRecord) => Promise<void>;

/** The tenant tables, migrations and seeds of every registered module, in registration order. */
export interface TenantSchemaSource {
  tables: string[];
  migrations: ModuleMigrations[];
  seeds?: TenantSeed[];
}

export interface TenancyOptions {
  poolMax: number;
  tenantDbPoolMax: number;
  tenantDbConnectionCap: number;
  queryGuard: boolean;
  /** Owner connections for DDL and migrations; bounds how many storages migrate at once. */
  adminPoolMax?: number;
  /** Concurrent scopes one tenant may run, by tier (noisy-neighbour fairness). */
  concurrencyFor?: (tier: Tier) => number;
  observeQuery?: (isolation: Isolation, seconds: number) => void;
  observeWait?: (isolation: Isolation, seconds: number) => void;
  /** PostgreSQL `statement_timeout` of application connections (ms); unset leaves the server's. */
  statementTimeoutMs?: number;
  /** PostgreSQL `idle_in_transaction_session_timeout` of application connections (ms). */
  idleInTransactionTimeoutMs?: number;
  /** How long a scope waits for an application connection before failing (ms). */
  checkoutTimeoutMs?: number;
  /**
   * Whether read scopes prepare their preamble once per connection (default: unless the
   * endpoints are pooled, where the next transaction may run on another server connection).
   */
  preparedPreamble?: boolean;
}

/** A tenant to open a scope in; the tier decides its share of concurrent database work. */
export type ScopeTarget = TenantLocation & { tier?: Tier };

/** Runs after a scope that signalled `topics` committed; must settle on its own (never reject). */
export type CommitListener = (tenant: ScopeTarget, topics: ReadonlySet<string>) => Promise<void>;

function databaseUrl(serverUrl: string, database: string, credentialsFrom?: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${encodeURIComponent(database)}`;
  if (credentialsFrom) {
    const credentials = new URL(credentialsFrom);
    url.username = credentials.username;
    url.password = credentials.password;
  }
  return url.toString();
}

/** How long a write to a tenant frozen for a move waits for the cutover before its 503. */
export const FREEZE_WAIT_MS = 2000;

function movingError(): AppError {
  return new AppError('UNAVAILABLE', 'This tenant is being moved; try again in a moment', {
    headers: { 'Retry-After': '1' },
  });
}

/**
 * The tenancy layer's front door: the registry, the three isolation models and the only
 * function that hands out a TenantScope.
 */
export class Tenancy {
  readonly registry: TenantRegistry;
  readonly platformDb: Kysely<PlatformDatabase>;
  readonly appPool: pg.Pool;
  readonly adminPool: pg.Pool;
  readonly tenantDatabases: ServerPoolCaches;
  /** Login passwords of `database` tenants' own roles (sealed in platform.secrets). */
  readonly credentials: TenantCredentials;
  private readonly models: Record<Isolation, IsolationModel>;
  private readonly plugins: Record<Isolation, KyselyPlugin[]>;
  private readonly observeQuery: Record<Isolation, ((seconds: number) => void) | undefined>;
  private readonly scopeHandles = new Map<string, ScopeHandles>();
  private readonly workLimiter = new TenantWorkLimiter({ maxQueue: 200, maxWaitMs: 10_000 });
  private readonly commitListeners: CommitListener[] = [];
  /**
   * Whether read scopes prepare their preamble once per connection; false behind a transaction
   * pooler. Mutable so the list benchmark can measure both in one run (bench/preamble-ab.ts).
   */
  preparedPreamble: boolean;
  /** Tenants frozen for a move: a write refused by the fence waits (up to FREEZE_WAIT_MS), then gets 503. */
  readonly freezes: TenantWriteFreezes;

  constructor(
    readonly endpoints: DatabaseEndpoints,
    private readonly schemaSource: TenantSchemaSource,
    private readonly options: TenancyOptions,
  ) {
    // Startup parameters rather than ALTER ROLE: the operator may bring the app role. `pipeline`
    // (pg 8.23's, typed by @types/pg 8.23) lets tenant-statement.ts send the preamble and the
    // statement in one flight. pg is pinned to ~8.23: on an upgrade, re-check that ClientConfig
    // still has `pipeline`, and the internals tenant-statement.ts extends (see QueryInternals there)
    // and scoped-connection.ts corks (`client.connection.stream`).
    // Behind a transaction pooler the timeouts are the role's defaults instead (bootstrap-database.ts):
    // PgBouncer refuses startup parameters it does not know.
    const directConnection: pg.ClientConfig = {
      pipeline: true,
      statement_timeout: options.statementTimeoutMs,
      idle_in_transaction_session_timeout: options.idleInTransactionTimeoutMs,
      connectionTimeoutMillis: options.checkoutTimeoutMs,
    };
    const appConnection: pg.ClientConfig = endpoints.pooled
      ? { pipeline: true, connectionTimeoutMillis: options.checkoutTimeoutMs }
      : directConnection;
    // Tenant databases reached directly (TENANT_DATABASES_DIRECT) take the timeouts as startup
    // parameters again: a tenant's own role has no ALTER ROLE defaults.
    const tenantConnection = endpoints.tenantDatabasesDirect ? directConnection : appConnection;
    this.preparedPreamble = options.preparedPreamble ?? !endpoints.pooled;
    this.appPool = guardPoolClients(
      new pg.Pool({
        connectionString: endpoints.appUrl,
        max: options.poolMax,
        ...appConnection,
      }),
    );
    this.adminPool = guardPoolClients(
      new pg.Pool({ connectionString: endpoints.adminUrl, max: options.adminPoolMax ?? 3 }),
    );
    this.credentials = new TenantCredentials(this.adminPool, endpoints.secrets);
    this.tenantDatabases = new ServerPoolCaches(
      {
        perDatabaseMax: options.tenantDbPoolMax,
        connectionCap: options.tenantDbConnectionCap,
        checkoutTimeoutMillis: options.checkoutTimeoutMs,
      },
      (key) => {
        const [placement, database, tenantId] = key.split('/') as [string, string, TenantId | undefined];
        // Through the pooler, if any, unless TENANT_DATABASES_DIRECT (bootstrap-database.ts).
        const server = endpoints.tenantServers.get(placement);
        if (!server) throw new Error(`unknown placement server "${placement}"`);
        if (tenantId) {
          const role = endpoints.names.roleFor(tenantId);
          return {
            ...loginAs(server, database, role, () => this.credentials.passwordFor(tenantId)),
            ...tenantConnection,
          };
        }
        return { connectionString: databaseUrl(server, database, endpoints.appUrl), ...tenantConnection };
      },
    );
    this.platformDb = new Kysely<PlatformDatabase>({ dialect: new PostgresDialect({ pool: this.appPool }) });
    this.registry = new TenantRegistry(this.platformDb);
    this.freezes = new TenantWriteFreezes(this.platformDb);
    this.freezes.start();
    const guard = options.queryGuard ? [tenantQueryGuard(schemaSource.tables)] : [];
    this.plugins = { pool: guard, schema: guard, database: guard };
    this.observeQuery = {
      pool: options.observeQuery && ((seconds) => options.observeQuery!('pool', seconds)),
      schema: options.observeQuery && ((seconds) => options.observeQuery!('schema', seconds)),
      database: options.observeQuery && ((seconds) => options.observeQuery!('database', seconds)),
    };

    const context: StorageContext = {
      names: endpoints.names,
      appPool: this.appPool,
      adminPool: this.adminPool,
      tenantDatabases: this.tenantDatabases,
      credentials: this.credentials,
      adminClient: (placement, database) => this.adminClient(placement, database),
      tenantTables: () => schemaSource.tables,
      migrations: () => schemaSource.migrations,
    };
    this.models = {
      pool: new PoolIsolation(context),
      schema: new SchemaIsolation(context),
      database: new DatabaseIsolation(context),
    };
  }

  /** An owner connection to `database` on a placement server; the caller ends it. */
  private async adminClient(placement: string, database: string): Promise<pg.Client> {
    const client = guardClient(
      new pg.Client({ connectionString: databaseUrl(this.serverUrl(placement), database) }),
    );
    try {
      await client.connect();
    } catch (error) {
      await client.end().catch(() => undefined);
      throw error;
    }
    return client;
  }

  private serverUrl(placement: string): string {
    const url = this.endpoints.servers.get(placement);
    if (!url) throw new Error(`unknown placement server "${placement}"`);
    return url;
  }

  /**
   * An owner connection to the tenant's storage (the platform database for pool and schema, its
   * own database otherwise) and the schema its tables are in; the caller ends it. For moves.
   */
  async ownerStorage(tenant: TenantLocation): Promise<{ client: pg.Client; schema: string }> {
    const { names } = this.endpoints;
    const url =
      tenant.isolation === 'database'
        ? databaseUrl(this.serverUrl(tenant.placement), names.databaseFor(tenant.id))
        : this.endpoints.adminUrl;
    const client = guardClient(new pg.Client({ connectionString: url }));
    try {
      await client.connect();
    } catch (error) {
      await client.end().catch(() => undefined);
      throw error;
    }
    const schema =
      tenant.isolation === 'pool'
        ? names.poolSchema
        : tenant.isolation === 'schema'
          ? names.schemaFor(tenant.id)
          : 'public';
    return { client, schema };
  }

  /** Names of the servers a `database` tenant may be placed on. */
  get placements(): string[] {
    return [...this.endpoints.servers.keys()];
  }

  model(isolation: Isolation): IsolationModel {
    return this.models[isolation];
  }

  /**
   * Runs `work` inside the tenant's storage: as one transaction, or with `access: 'read'` as
   * read-only statements that need no BEGIN or COMMIT. The scope it receives is the only handle
   * on tenant tables; it is dead once `work` settles.
   */
  async withTenant<T>(
    tenant: ScopeTarget,
    work: (scope: TenantScope) => Promise<T>,
    access: ScopeAccess = 'write',
    options: { lane?: string } = {},
  ): Promise<T> {
    try {
      return await this.runScope(tenant, work, access, options);
    } catch (error) {
      if (access !== 'write' || (error as { code?: string }).code !== '42501') throw error;
      const now = await this.afterFence(tenant);
      if (!now) throw error;
      // The refused transaction rolled back: run it again where the tenant lives now, once.
      return this.runScope(now, work, access, options).catch((again: { code?: string }) => {
        throw again.code === '42501' ? movingError() : again;
      });
    }
  }

  /**
   * A write refused by a move's fence in the database (the tenant's old storage is read-only
   * while it moves): waits up to FREEZE_WAIT_MS for the cutover and returns where the tenant
   * lives now, or throws the 503. Undefined: the refusal was not a move's.
   */
  private async afterFence(tenant: ScopeTarget): Promise<ScopeTarget | undefined> {
    await this.freezes.refresh();
    const frozen = this.freezes.isFrozen(tenant.id);
    this.registry.invalidate(tenant.id);
    let now = await this.registry.load(tenant.id);
    const moved = (record: typeof now) =>
      record !== undefined &&
      (record.isolation !== tenant.isolation || record.placement !== tenant.placement);
    if (!frozen && !moved(now)) return undefined;
    if (frozen) {
      if (!(await this.freezes.waitUntilThawed(tenant.id, FREEZE_WAIT_MS))) throw movingError();
      this.registry.invalidate(tenant.id);
      now = await this.registry.load(tenant.id);
    }
    return now ? { ...tenant, isolation: now.isolation, placement: now.placement } : undefined;
  }

  private async runScope<T>(
    tenant: ScopeTarget,
    work: (scope: TenantScope) => Promise<T>,
    access: ScopeAccess,
    options: { lane?: string },
  ): Promise<T> {
    const limit = this.options.concurrencyFor?.(tenant.tier ?? 'enterprise') ?? Number.POSITIVE_INFINITY;
    const queued = performance.now();
    const signals = new Set<string>();
    // A lane of its own keeps follow-up work (the audit sealer) from queueing behind the writers waiting for it.
    const lane = options.lane ? `${tenant.id}\u0000${options.lane}` : tenant.id;
    const result = await this.workLimiter.run(lane, limit, async () => {
      const { client, schema } = await this.models[tenant.isolation].connect(tenant);
      this.options.observeWait?.(tenant.isolation, (performance.now() - queued) / 1000);
      return runInScope(
        {
          tenantId: tenant.id,
          isolation: tenant.isolation,
          handles: this.handlesFor(tenant.isolation, schema),
          client,
          observeQuery: this.observeQuery[tenant.isolation],
          access,
          signals,
          // A tenant database reached directly keeps its session: prepare the preamble once there.
          preparedPreamble:
            this.preparedPreamble ||
            (tenant.isolation === 'database' && this.endpoints.tenantDatabasesDirect),
          // A database tenant's pool already logs in as its role; pool tenants have none.
          role: (tenant.isolation === 'schema' && tenant.storage_role) || undefined,
        },
        work,
      );
    });
    // After the tenant's work slot is given back: a listener may open scopes of its own.
    if (signals.size > 0) await Promise.all(this.commitListeners.map((listen) => listen(tenant, signals)));
    return result;
  }

  /** Shared per storage schema; bounded, since a fleet of schema tenants has one schema each. */
  private handlesFor(isolation: Isolation, schema: string): ScopeHandles {
    const key = `${isolation}\u0000${schema}`;
    let handles = this.scopeHandles.get(key);
    if (!handles) {
      if (this.scopeHandles.size >= 1024) this.scopeHandles.clear();
      handles = new ScopeHandles(schema, this.plugins[isolation]);
      this.scopeHandles.set(key, handles);
    }
    return handles;
  }

  /** Registers follow-up work for committed scopes that signalled a topic (e.g. audit sealing). */
  onCommit(listener: CommitListener): void {
    this.commitListeners.push(listener);
  }

  /** Applies pending tenant migrations to the shared pool schema (every start does this). */
  async migrateShared(): Promise<string[]> {
    const applied = await (this.models.pool as PoolIsolation).migrateShared();
    await this.recordMigrated(POOL_STORAGE);
    return applied;
  }

  /**
   * Creates the tenant's storage (and own role) if needed and brings it to the latest tenant
   * migrations; the registry then names the role, which scopes use from the next registry read.
   */
  async provision(tenant: TenantLocation): Promise<void> {
    const role = await this.models[tenant.isolation].provision(tenant);
    await this.recordMigrated(storageKey(tenant));
    if (role) {
      await this.platformDb
        .updateTable('platform.tenants')
        .set({ storage_role: role })
        .where('id', '=', tenant.id)
        .where((eb) => eb('storage_role', 'is', null).or('storage_role', '<>', role))
        .execute();
      this.registry.invalidate(tenant.id);
    }
  }

  /**
   * Brings a storage that already has its own role (the registry names the role it would be
   * given) to the latest tenant migrations, without provisioning it again: a fleet migration
   * touches each tenant's tables, not its role or its database's rights, which provisioning set.
   */
  async migrateStorage(tenant: TenantLocation & { storage_role: string }): Promise<void> {
    try {
      await this.models[tenant.isolation].migrate(tenant, tenant.storage_role);
      await this.recordMigrated(storageKey(tenant));
    } catch {
      // Its role gone, or its storage not as provisioning left it: provisioning again repairs
      // what it can, and fails with the reason when a migration itself fails.
      await this.provision(tenant);
    }
  }

  /**
   * Drops the tenant's own role on every server and erases its stored password: for deletion,
   * after its storage is gone (a move keeps the role, whose name does not depend on the model).
   */
  async dropStorageRole(tenant: TenantLocation): Promise<void> {
    const role = this.endpoints.names.roleFor(tenant.id);
    if (tenant.isolation === 'database') {
      // Its rights inside a database that still exists (a deletion drops the database first).
      const storage = await this.ownerStorage(tenant).catch((error: { code?: string }) => {
        if (error.code === '3D000') return undefined;
        throw error;
      });
      if (storage) {
        try {
          const found = await storage.client.query('select 1 from pg_roles where rolname = $1', [role]);
          if (found.rowCount) await storage.client.query(`drop owned by ${quoteIdent(role)}`);
        } finally {
          await storage.client.end();
        }
      }
    }
    const platform = await this.adminPool.connect();
    try {
      // Here too its rights in the platform database (a schema tenant's) go with it.
      await dropTenantRole(platform, role);
    } finally {
      platform.release();
    }
    for (const placement of this.placements.filter((name) => name !== 'default')) {
      const server = await this.adminClient(placement, 'postgres');
      try {
        await dropTenantRole(server, role);
      } finally {
        await server.end();
      }
    }
    await this.platformDb
      .updateTable('platform.tenants')
      .set({ storage_role: null })
      .where('id', '=', tenant.id)
      .execute();
    await this.credentials.remove(tenant.id);
  }

  /** Runs every module's seed for the tenant's current business domain, in one transaction. */
  async seed(tenant: TenantRecord): Promise<void> {
    const seeds = this.schemaSource.seeds ?? [];
    if (seeds.length === 0) return;
    await this.withTenant(tenant, async (scope) => {
      for (const seed of seeds) await seed(scope, tenant);
    });
  }

  /** The tenant tables of every registered module, in registration order (referenced ones first). */
  get tenantTables(): string[] {
    return this.schemaSource.tables;
  }

  /** Every tenant migration id the registered modules ship, in order. */
  get latestMigrations(): string[] {
    return migrationIds(this.schemaSource.migrations);
  }

  /** Records in the platform database that `storage` has every current migration (it just ran them). */
  private async recordMigrated(storage: string): Promise<void> {
    const ids = this.latestMigrations;
    if (ids.length === 0) return;
    await this.platformDb
      .insertInto('platform.storage_migrations')
      .values(ids.map((migration_id) => ({ storage, migration_id })))
      .onConflict((oc) => oc.columns(['storage', 'migration_id']).doNothing())
      .execute();
  }

  async destroy(tenant: TenantLocation): Promise<void> {
    await this.models[tenant.isolation].destroy(tenant);
  }

  async inspect(tenant: TenantLocation): Promise<StorageReport> {
    return this.models[tenant.isolation].inspect(tenant);
  }

  /** Refreshes planner statistics of the tenant's tables, e.g. after a bulk load. */
  async analyze(tenant: TenantLocation): Promise<void> {
    await this.models[tenant.isolation].analyze(tenant);
  }

  async close(): Promise<void> {
    this.freezes.stop();
    await Promise.allSettled([
      this.platformDb.destroy(),
      this.adminPool.end(),
      this.tenantDatabases.closeAll(),
    ]);
  }
}
