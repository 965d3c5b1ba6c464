import type { CompiledQuery, DatabaseConnection, QueryResult } from 'kysely';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type pg from 'pg';
import { from as copyFromStdin } from 'pg-copy-streams';
import { TENANT_SETTING } from './tenant-database.js';
import type { TenantId } from './tenant-id.js';
import { queryAsTenant } from './tenant-statement.js';

export type ScopeAccess = 'read' | 'write';

const SET_TENANT = `select set_config('${TENANT_SETTING}', $1, true)`;
/** SET LOCAL ROLE in the same statement as the tenant setting: the role switch costs no round trip. */
const SET_TENANT_AS_ROLE = `select set_config('${TENANT_SETTING}', $1, true), set_config('role', $2, true)`;

const SET_TENANT_NAME = 'tenantbase_write_preamble';
const SET_TENANT_AS_ROLE_NAME = 'tenantbase_write_role_preamble';

type Corkable = { cork?: () => void; uncork?: () => void };

/**
 * Named statements one connection keeps prepared from sendWithCommit (one per storage schema and
 * statement kind): a schema-model pool serves many schemas, and each plan held costs the backend
 * memory. Past this the statement goes unnamed (parsed and planned each time, as before).
 */
const PREPARED_PER_CONNECTION = 64;

/** Names pg has parsed or is parsing on this client's connection (pg's own bookkeeping). */
function preparedCount(client: pg.PoolClient): number {
  const connection = (
    client as pg.PoolClient & {
      connection?: { parsedStatements?: object; submittedNamedStatements?: object };
    }
  ).connection;
  if (!connection?.parsedStatements) return Number.POSITIVE_INFINITY;
  return (
    Object.keys(connection.parsedStatements).length +
    Object.keys(connection.submittedNamedStatements ?? {}).length
  );
}

function isPrepared(client: pg.PoolClient, name: string): boolean {
  const connection = (
    client as pg.PoolClient & { connection?: { parsedStatements?: Record<string, unknown> } }
  ).connection;
  return connection?.parsedStatements?.[name] !== undefined;
}

/**
 * Runs `send`, which queues queries on a pipelining client without waiting, with the socket
 * corked: pg writes each query on its own (one system call each, and one read for the server),
 * so a batch queued together goes out as one write.
 */
function inOneWrite(client: pg.PoolClient, send: () => void): void {
  const stream = (client as pg.PoolClient & { connection?: { stream?: Corkable } }).connection?.stream;
  stream?.cork?.();
  try {
    send();
  } finally {
    stream?.uncork?.();
  }
}

/** How a write scope ended: what to throw, and whether the connection must be destroyed. */
export interface ScopeEnd {
  failure?: unknown;
  broken: boolean;
}

/**
 * A pinned client that opens its transaction lazily: BEGIN and the tenant setting are written
 * without waiting, so with a pipelining client they share the first query's round trip. Statements
 * nobody reads a result of (an audit entry) can wait for the COMMIT and share its round trip.
 */
export class ScopedConnection implements DatabaseConnection {
  private started = false;
  private preambleError: unknown;
  private readonly withCommit: Array<{ statement: CompiledQuery; name: string | undefined }> = [];

  constructor(
    private readonly client: pg.PoolClient,
    private readonly tenantId: TenantId,
    private readonly access: ScopeAccess,
    private readonly observe: ((seconds: number) => void) | undefined,
    private readonly preparedPreamble: boolean,
    private readonly role: string | undefined,
  ) {}

  /** Queues BEGIN and the tenant setting; the caller writes them in one write with what follows. */
  private start(): void {
    this.started = true;
    const remember = (error: unknown) => {
      this.preambleError ??= error;
    };
    this.client.query('begin').catch(remember);
    const preamble =
      this.role === undefined
        ? { text: SET_TENANT, values: [this.tenantId], name: SET_TENANT_NAME }
        : { text: SET_TENANT_AS_ROLE, values: [this.tenantId, this.role], name: SET_TENANT_AS_ROLE_NAME };
    // Prepared once per connection (pg remembers which it parsed) unless a pooler may switch connections.
    this.client
      .query(this.preparedPreamble ? preamble : { text: preamble.text, values: preamble.values })
      .catch(remember);
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
    let sent!: Promise<pg.QueryResult>;
    inOneWrite(this.client, () => {
      if (!this.started) this.start();
      sent = this.client.query(compiled.sql, compiled.parameters as unknown[]);
    });
    try {
      const result = await sent;
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

  /**
   * Queues `statement` to be sent with the COMMIT (write scopes only); dropped on rollback. With
   * `name` (unique to the statement's text) it is prepared once per connection and then only bound
   * and executed: PostgreSQL skips parsing and planning it, which for a long statement sent on
   * every create is a good part of its cost. Not behind a transaction pooler, which may switch
   * connections between statements (the preamble's rule).
   */
  sendWithCommit(statement: CompiledQuery, name?: string): void {
    if (this.access !== 'write') throw new Error('only a write scope commits');
    this.withCommit.push({ statement, name });
  }

  /** The statement as pg sends it: named when it may be (see sendWithCommit). */
  private queued(statement: CompiledQuery, name: string | undefined): Promise<pg.QueryResult> {
    const values = statement.parameters as unknown[];
    const named =
      name !== undefined &&
      this.preparedPreamble &&
      (isPrepared(this.client, name) || preparedCount(this.client) < PREPARED_PER_CONNECTION);
    return named
      ? this.client.query({ name, text: statement.sql, values })
      : this.client.query(statement.sql, values);
  }

  async copyFrom(statement: string, source: Readable): Promise<number> {
    if (this.access !== 'write') throw new Error('COPY needs a write scope');
    if (!/^copy pg_temp\.[a-z_]+ (\([a-z_, ]+\) )?from stdin\b/i.test(statement))
      throw new Error('COPY is for temporary tables only');
    if (!this.started) inOneWrite(this.client, () => this.start());
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

  /**
   * Ends the transaction. On commit, the statements queued with it go out in the COMMIT's write,
   * each with its own Sync: one that fails aborts the transaction, so the COMMIT answers ROLLBACK
   * and nothing of the scope is kept; its error is the scope's failure.
   */
  async finish(commit: boolean): Promise<ScopeEnd> {
    const queued = commit && !this.preambleError ? this.withCommit.splice(0) : [];
    if (!this.started && queued.length === 0) return { broken: false };
    let sent: Array<Promise<unknown>> = [];
    let ended!: Promise<unknown>;
    const started = performance.now();
    inOneWrite(this.client, () => {
      if (!this.started) this.start();
      sent = queued.map(({ statement, name }) => this.queued(statement, name));
      ended = this.client.query(commit && !this.preambleError ? 'commit' : 'rollback');
    });
    const [statements, end] = await Promise.all([
      Promise.allSettled(sent),
      ended.then(
        () => undefined,
        (e) => e ?? new Error('the tenant transaction could not be ended'),
      ),
    ]);
    // The queued statements are timed as one, with the COMMIT they share a round trip with.
    if (this.observe && queued.length > 0) this.observe((performance.now() - started) / 1000);
    const refused = statements.find((outcome) => outcome.status === 'rejected');
    const failure = this.preambleError ?? (refused as PromiseRejectedResult | undefined)?.reason ?? end;
    return { failure, broken: end !== undefined };
  }
}
