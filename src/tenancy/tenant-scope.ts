import {
  type CompiledQuery,
  type ConnectionProvider,
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
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type pg from 'pg';
import { from as copyFromStdin } from 'pg-copy-streams';
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
  /** The storage schema `db` qualifies tenant tables with (for statement text a hot path keeps compiled). */
  readonly schema: string;
  readonly db: Kysely<TenantDatabase>;
  /**
   * Runs `task` once the scope's work has committed and its connection is back in the pool: for
   * work on another connection (queueing a mail job in the platform database), which inside the
   * scope would hold this transaction open while waiting for a second connection of the pool.
   */
  afterCommit(task: () => Promise<void>): void;
  /**
   * Asks the tenancy's commit listeners to run for `topic` once this scope has committed (never
   * after a rollback), outside the scope, so follow-up work holds none of the scope's locks.
   */
  signal(topic: string): void;
  /**
   * Streams `source` (COPY text format) into `statement`, a `COPY <temporary table> FROM STDIN`,
   * inside this write scope's transaction; answers the rows copied. Only a temporary table: RLS
   * refuses COPY into a tenant table, so bulk loads stage there and move rows with one INSERT.
   */
  copyFrom(statement: string, source: Readable): Promise<number>;
}

export type ScopeAccess = 'read' | 'write';

const SET_TENANT = `select set_config('${TENANT_SETTING}', $1, true)`;
/** SET LOCAL ROLE in the same statement as the tenant setting: the role switch costs no round trip. */
const SET_TENANT_AS_ROLE = `select set_config('${TENANT_SETTING}', $1, true), set_config('role', $2, true)`;

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
    private readonly observe: ((seconds: number) => void) | undefined,
    private readonly preparedPreamble: boolean,
    private readonly role: string | undefined,
  ) {}

  private start(): void {
    this.started = true;
    const remember = (error: unknown) => {
      this.preambleError ??= error;
    };
    this.client.query('begin').catch(remember);
    const preamble =
      this.role === undefined
        ? this.client.query(SET_TENANT, [this.tenantId])
        : this.client.query(SET_TENANT_AS_ROLE, [this.tenantId, this.role]);
    preamble.catch(remember);
  }

  async executeQuery<R>(compiled: CompiledQuery): Promise<QueryResult<R>> {
    if (!this.observe) return this.execute(compiled);
    const started = performance.now();
    const result = await this.execute<R>(compiled);
    this.observe((performance.now() - started) / 1000);
    return result;
  }

  private async execute<R>(compiled: CompiledQuery): Promise<QueryResult<R>> {
    if (this.access === 'read') {
      const result = await queryAsTenant(
        this.client,
        this.tenantId,
        compiled.sql,
        compiled.parameters as unknown[],
        this.preparedPreamble,
        this.role,
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

  async copyFrom(statement: string, source: Readable): Promise<number> {
    if (this.access !== 'write') throw new Error('COPY needs a write scope');
    if (!/^copy pg_temp\.[a-z_]+ (\([a-z_, ]+\) )?from stdin\b/i.test(statement))
      throw new Error('COPY is for temporary tables only');
    if (!this.started) this.start();
    // Waits for BEGIN and the tenant setting: the pipelined client is idle once this answers.
    await this.client.query('select 1');
    if (this.preambleError) throw this.preambleError;
    // pg refuses copy streams on a pipelining client (they hold the connection across round trips);
    // nothing else is queued on this pinned client, so it leaves pipelining for the COPY alone.
    const client = this.client as pg.PoolClient & { pipeline: boolean };
    const pipelining = client.pipeline;
    client.pipeline = false;
    try {
      const copy = client.query(copyFromStdin(statement));
      await pipeline(source, copy);
      return copy.rowCount;
    } finally {
      client.pipeline = pipelining;
    }
  }

  // eslint-disable-next-line require-yield
  async *streamQuery<R>(): AsyncIterableIterator<QueryResult<R>> {
    throw new Error('streaming is not supported inside a tenant scope');
  }

  /** Ends the transaction; returns the error when the connection can no longer be trusted. */
  async finish(commit: boolean): Promise<unknown> {
    if (!this.started) return undefined;
    try {
      await this.client.query(commit && !this.preambleError ? 'commit' : 'rollback');
      return undefined;
    } catch (error) {
      return error ?? new Error('the tenant transaction could not be ended');
    }
  }
}

/** Scopes reach their connection through their executor; the driver only refuses nested transactions. */
class ScopedDriver implements Driver {
  async init(): Promise<void> {}
  async acquireConnection(): Promise<DatabaseConnection> {
    throw new Error('a tenant scope has exactly one connection, given by the tenancy layer');
  }
  async beginTransaction(): Promise<void> {
    throw new Error('a tenant scope is already one transaction; compose use cases inside it');
  }
  async commitTransaction(): Promise<void> {}
  async rollbackTransaction(): Promise<void> {}
  async releaseConnection(): Promise<void> {}
  async destroy(): Promise<void> {}
}

class ScopedDialect implements Dialect {
  createAdapter() {
    return new PostgresAdapter();
  }
  createDriver() {
    return new ScopedDriver();
  }
  createIntrospector(kysely: Kysely<unknown>) {
    return new PostgresIntrospector(kysely);
  }
  createQueryCompiler() {
    return new PostgresQueryCompiler();
  }
}

class OneConnection implements ConnectionProvider {
  constructor(private readonly connection: ScopedConnection) {}
  provideConnection<T>(consume: (connection: DatabaseConnection) => Promise<T>): Promise<T> {
    return consume(this.connection);
  }
}

const dialect = new ScopedDialect();
const driver = new ScopedDriver();

/**
 * What every scope on one storage schema shares: the compiler, the plugins and the schema
 * qualification are built once, so opening a scope makes one Kysely bound to its connection
 * instead of a dialect, driver, compiler and two Kysely instances per request.
 */
export class ScopeHandles {
  private readonly executor;

  constructor(
    readonly schema: string,
    plugins: KyselyPlugin[],
  ) {
    this.executor = new Kysely<TenantDatabase>({ dialect, plugins }).withSchema(schema).getExecutor();
  }

  bind(connection: ScopedConnection): Kysely<TenantDatabase> {
    return new Kysely<TenantDatabase>({
      config: { dialect },
      dialect,
      driver,
      executor: this.executor.withConnectionProvider(new OneConnection(connection)),
    });
  }
}

export interface ScopeRequest {
  tenantId: TenantId;
  isolation: Isolation;
  handles: ScopeHandles;
  client: pg.PoolClient;
  access: ScopeAccess;
  /** Told each statement's duration, when the tenancy measures them. */
  observeQuery?: (seconds: number) => void;
  /** Collects the scope's signals for the caller to act on after the commit. */
  signals: Set<string>;
  /** False behind a transaction pooler, which keeps no prepared statement across transactions. */
  preparedPreamble: boolean;
  /** A `schema` tenant's own role: every statement runs under it (SET LOCAL ROLE), fenced to its schema. */
  role?: string;
}

/**
 * Runs `work` in a fresh scope on `client` and ends a write scope's transaction: committed when
 * `work` resolves, rolled back when it throws. The client is released here, destroyed if unsure.
 */
export async function runInScope<T>(
  request: ScopeRequest,
  work: (scope: TenantScope) => Promise<T>,
): Promise<T> {
  const connection = new ScopedConnection(
    request.client,
    request.tenantId,
    request.access,
    request.observeQuery,
    request.preparedPreamble,
    request.role,
  );
  const db = request.handles.bind(connection);
  const tasks: Array<() => Promise<void>> = [];
  let settled = false;
  const scope: TenantScope = {
    tenantId: request.tenantId,
    isolation: request.isolation,
    access: request.access,
    schema: request.handles.schema,
    db,
    afterCommit(task) {
      if (settled) throw new Error('the tenant scope has ended');
      tasks.push(task);
    },
    signal: (topic) => request.signals.add(topic),
    copyFrom: (statement, source) => {
      if (settled) throw new Error('the tenant scope has ended');
      return connection.copyFrom(statement, source);
    },
  };
  let result: T;
  try {
    result = await work(scope);
  } catch (error) {
    settled = true;
    const failure = await connection.finish(false);
    request.client.release(failure === undefined ? undefined : true);
    throw error;
  } finally {
    settled = true;
  }
  const failure = await connection.finish(true);
  // A connection that failed its COMMIT (dropped, terminated) is destroyed, never reused.
  request.client.release(failure === undefined ? undefined : true);
  if (failure !== undefined) throw failure;
  for (const task of tasks) await task();
  return result;
}
