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
} from 'kysely';
import type { Readable } from 'node:stream';
import type pg from 'pg';
import { type ScopeAccess, ScopedConnection } from './scoped-connection.js';
import type { TenantDatabase } from './tenant-database.js';
import type { TenantId } from './tenant-id.js';

export type { ScopeAccess } from './scoped-connection.js';

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
   * Sends `statement` in the COMMIT's round trip instead of one of its own: for a write whose
   * answer nobody needs (an audit entry, a create whose row is all given) and that must commit
   * with the scope's other writes. Queued statements run in order, after every awaited one. If one
   * fails, the whole scope rolls back and the scope throws its error; after a rollback none runs.
   * `name`, unique to the statement's text (preparedName), prepares it once per connection where
   * the connection is not behind a transaction pooler (scoped-connection.ts).
   */
  sendWithCommit(statement: CompiledQuery, name?: string): void;
  /**
   * Streams `source` (COPY text format) into `statement`, a `COPY <temporary table> FROM STDIN`,
   * inside this write scope's transaction; answers the rows copied. Only a temporary table: RLS
   * refuses COPY into a tenant table, so bulk loads stage there and move rows with one INSERT.
   */
  copyFrom(statement: string, source: Readable): Promise<number>;
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
    sendWithCommit(statement, name) {
      if (settled) throw new Error('the tenant scope has ended');
      connection.sendWithCommit(statement, name);
    },
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
    const end = await connection.finish(false);
    request.client.release(end.broken ? true : undefined);
    throw error;
  } finally {
    settled = true;
  }
  const end = await connection.finish(true);
  // A connection that failed its COMMIT (dropped, terminated) is destroyed, never reused.
  request.client.release(end.broken ? true : undefined);
  if (end.failure !== undefined) throw end.failure;
  for (const task of tasks) await task();
  return result;
}
