import {
  type CompiledQuery,
  type DatabaseConnection,
  type Dialect,
  type Driver,
  Kysely,
  type KyselyPlugin,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
  type QueryResult,
} from 'kysely';
import type pg from 'pg';
import { TENANT_SETTING, type TenantDatabase } from './tenant-database.js';
import type { TenantId } from './tenant-id.js';
import { queryAsTenant } from './tenant-statement.js';

export type Isolation = 'pool' | 'schema' | 'database';

/**
 * The only way to reach tenant data: one connection in the tenant's own storage, with the
 * tenant setting applied and every table qualified by the tenant's schema. A `write` scope is
 * one transaction; a `read` scope runs each statement read-only in its own (READ COMMITTED gives
 * every statement its own snapshot either way). Only the tenancy layer makes one; use cases
 * receive it.
 */
export interface TenantScope {
  readonly tenantId: TenantId;
  readonly isolation: Isolation;
  readonly access: ScopeAccess;
  readonly db: Kysely<TenantDatabase>;
  /**
   * Asks the tenancy's commit listeners to run for `topic` once this scope has committed (never
   * after a rollback), outside the scope, so follow-up work holds none of the scope's locks.
   */
  signal(topic: string): void;
}

export type ScopeAccess = 'read' | 'write';

const SET_TENANT = `select set_config('${TENANT_SETTING}', $1, true)`;

/**
 * A pinned client that opens its transaction lazily: BEGIN and the tenant setting are written
 * without waiting, so with a pipelining client they share the first query's round trip.
 */
class ScopedConnection implements DatabaseConnection {
  private started = false;
  private preambleError: unknown;

  constructor(
    private readonly client: pg.PoolClient,
    private readonly tenantId: TenantId,
    private readonly access: ScopeAccess,
  ) {}

  private start(): void {
    this.started = true;
    const remember = (error: unknown) => {
      this.preambleError ??= error;
    };
    this.client.query('begin').catch(remember);
    this.client.query(SET_TENANT, [this.tenantId]).catch(remember);
  }

  async executeQuery<R>(compiled: CompiledQuery): Promise<QueryResult<R>> {
    if (this.access === 'read') {
      const result = await queryAsTenant(
        this.client,
        this.tenantId,
        compiled.sql,
        compiled.parameters as unknown[],
      );
      return { rows: result.rows as R[] };
    }
    if (!this.started) this.start();
    try {
      const result = await this.client.query(compiled.sql, compiled.parameters as unknown[]);
      if (this.preambleError) throw this.preambleError;
      const affected = ['INSERT', 'UPDATE', 'DELETE', 'MERGE'].includes(result.command)
        ? result.rowCount
        : null;
      return {
        rows: result.rows as R[],
        ...(affected !== null ? { numAffectedRows: BigInt(affected) } : {}),
      };
    } catch (error) {
      throw this.preambleError ?? error;
    }
  }

  // eslint-disable-next-line require-yield
  async *streamQuery<R>(): AsyncIterableIterator<QueryResult<R>> {
    throw new Error('streaming is not supported inside a tenant scope');
  }

  /** Ends the transaction; returns false when the connection can no longer be trusted. */
  async finish(commit: boolean): Promise<boolean> {
    if (!this.started) return true;
    try {
      await this.client.query(commit && !this.preambleError ? 'commit' : 'rollback');
      return true;
    } catch {
      return false;
    }
  }
}

class ScopedDriver implements Driver {
  constructor(private readonly connection: ScopedConnection) {}
  async init(): Promise<void> {}
  async acquireConnection(): Promise<DatabaseConnection> {
    return this.connection;
  }
  async beginTransaction(): Promise<void> {
    throw new Error('a tenant scope is already one transaction; compose use cases inside it');
  }
  async commitTransaction(): Promise<void> {}
  async rollbackTransaction(): Promise<void> {}
  async releaseConnection(): Promise<void> {}
  async destroy(): Promise<void> {}
}

/** A class rather than an object of closures: one is made per scope, on every request. */
class ScopedDialect implements Dialect {
  constructor(private readonly connection: ScopedConnection) {}
  createAdapter() {
    return new PostgresAdapter();
  }
  createDriver() {
    return new ScopedDriver(this.connection);
  }
  createIntrospector(kysely: Kysely<unknown>) {
    return new PostgresIntrospector(kysely);
  }
  createQueryCompiler() {
    return new PostgresQueryCompiler();
  }
}

export interface ScopeRequest {
  tenantId: TenantId;
  isolation: Isolation;
  schema: string;
  client: pg.PoolClient;
  plugins: KyselyPlugin[];
  access: ScopeAccess;
  /** Collects the scope's signals for the caller to act on after the commit. */
  signals: Set<string>;
}

/**
 * Runs `work` in a fresh scope on `client` and ends a write scope's transaction: committed when
 * `work` resolves, rolled back when it throws. The client is released here, destroyed if unsure.
 */
export async function runInScope<T>(
  request: ScopeRequest,
  work: (scope: TenantScope) => Promise<T>,
): Promise<T> {
  const connection = new ScopedConnection(request.client, request.tenantId, request.access);
  const db = new Kysely<TenantDatabase>({
    dialect: new ScopedDialect(connection),
    plugins: request.plugins,
  }).withSchema(request.schema);
  const scope: TenantScope = {
    tenantId: request.tenantId,
    isolation: request.isolation,
    access: request.access,
    db,
    signal: (topic) => request.signals.add(topic),
  };
  let result: T;
  try {
    result = await work(scope);
  } catch (error) {
    const clean = await connection.finish(false);
    request.client.release(clean ? undefined : true);
    throw error;
  }
  const clean = await connection.finish(true);
  request.client.release(clean ? undefined : true);
  if (!clean) throw new Error('the tenant transaction could not be committed');
  return result;
}
