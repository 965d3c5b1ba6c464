import pg from 'pg';
import { TENANT_SETTING } from './tenant-database.js';
import type { TenantId } from './tenant-id.js';

/**
 * Read-only and scoped to the tenant, both transaction-local. `transaction_read_only` makes a
 * write in a read scope fail loudly instead of committing on its own, statement by statement.
 */
const PREAMBLE = `select set_config('${TENANT_SETTING}', $1, true), set_config('transaction_read_only', 'on', true)`;
/** The same for a `schema` tenant with its own role: SET LOCAL ROLE joins the statement, no extra round trip. */
const PREAMBLE_AS_ROLE = `${PREAMBLE}, set_config('role', $2, true)`;

/** Prepared once per connection: its parse and plan would otherwise cost every statement again. */
const PREAMBLE_NAME = 'tenantbase_tenant_preamble';
const PREAMBLE_AS_ROLE_NAME = 'tenantbase_tenant_role_preamble';
/** Per connection and name, the Parse that prepared it; statements bound to an older one cannot unprepare a newer. */
const prepared = new WeakMap<pg.Connection, Map<string, object>>();

/**
 * What pg's Query does that its type declarations leave out; the protocol hooks of pg-cursor use the
 * same. These are pg internals, hence pg pinned to ~8.23 in package.json: on an upgrade, re-check
 * each member below against pg/lib/query.js (names, arguments, the extended-protocol message order
 * of `prepare`) and client.js's pipelining of queued queries, then run test/pool-rls.test.ts and
 * the isolation matrix.
 */
interface QueryInternals {
  values?: unknown[];
  queryMode?: string;
  submit(connection: pg.Connection): Error | null | void;
  handleDataRow(message: unknown): void;
  handleCommandComplete(message: unknown, connection: pg.Connection): void;
  handleError(error: Error & { code?: string }, connection: pg.Connection): void;
}

const QueryBase = pg.Query as unknown as new (
  text: string,
  values: unknown[],
  callback: (error: Error | undefined, result: pg.QueryResult) => void,
) => QueryInternals;

/**
 * One statement in its own implicit transaction, preceded by the tenant setting. The extended
 * protocol runs every message up to a Sync as one transaction, so Parse/Bind/Execute of the
 * preamble followed by the statement (which ends with the Sync) give the setting to exactly
 * this statement: no BEGIN, no COMMIT, no extra round trip. An error anywhere aborts both.
 */
class TenantStatement extends QueryBase {
  preambleDone = false;
  /** The prepared preamble was gone (DEALLOCATE ALL, a pooler); nothing of the statement ran. */
  preambleLost = false;
  private preparedBy: object | undefined;
  private preparedName: string | undefined;

  constructor(
    text: string,
    values: unknown[],
    private readonly tenantId: TenantId,
    private readonly role: string | undefined,
    private readonly preparedPreamble: boolean,
    callback: (error: Error | undefined, result: pg.QueryResult) => void,
  ) {
    super(text, values, callback);
    // A statement without parameters would otherwise go out as a simple Query message, which
    // cannot share the preamble's implicit transaction.
    this.queryMode = 'extended';
  }

  override submit(connection: pg.Connection): Error | null | void {
    // Refuse before writing anything: half a batch without its Sync would hand our replies to the next query.
    if (this.values !== undefined && !Array.isArray(this.values))
      return new Error('Query values must be an array');
    const stream = connection.stream as pg.Connection['stream'] & { cork?: () => void; uncork?: () => void };
    stream.cork?.();
    const text = this.role === undefined ? PREAMBLE : PREAMBLE_AS_ROLE;
    const values = this.role === undefined ? [this.tenantId] : [this.tenantId, this.role];
    try {
      if (!this.preparedPreamble) {
        // Behind a transaction pooler the next transaction may land on a server connection that
        // never saw our Parse, or that another client's Parse of the same name already holds:
        // the unnamed statement lives exactly as long as this implicit transaction needs it.
        connection.parse({ text, name: '', types: [] }, true);
        connection.bind({ statement: '', portal: '', values }, true);
        connection.execute({ portal: '' }, true);
        return super.submit(connection);
      }
      const name = this.role === undefined ? PREAMBLE_NAME : PREAMBLE_AS_ROLE_NAME;
      let byName = prepared.get(connection);
      if (!byName) prepared.set(connection, (byName = new Map()));
      this.preparedName = name;
      this.preparedBy = byName.get(name);
      if (!this.preparedBy) {
        connection.parse({ text, name, types: [] }, true);
        this.preparedBy = {};
        byName.set(name, this.preparedBy);
      }
      connection.bind({ statement: name, portal: '', values }, true);
      connection.execute({ portal: '' }, true);
      return super.submit(connection);
    } finally {
      stream.uncork?.();
    }
  }

  override handleDataRow(message: unknown): void {
    if (this.preambleDone) super.handleDataRow(message);
  }

  override handleCommandComplete(message: unknown, connection: pg.Connection): void {
    if (this.preambleDone) return super.handleCommandComplete(message, connection);
    this.preambleDone = true;
  }

  override handleError(error: Error & { code?: string }, connection: pg.Connection): void {
    if (!this.preambleDone && error.code === '26000') {
      const byName = prepared.get(connection);
      if (this.preparedName && byName?.get(this.preparedName) === this.preparedBy)
        byName!.delete(this.preparedName);
      this.preambleLost = true;
    }
    super.handleError(error, connection);
  }
}

function submit(
  client: pg.ClientBase,
  tenantId: TenantId,
  role: string | undefined,
  text: string,
  values: unknown[],
  preparedPreamble: boolean,
) {
  let statement!: TenantStatement;
  const result = new Promise<pg.QueryResult>((resolve, reject) => {
    statement = new TenantStatement(text, values, tenantId, role, preparedPreamble, (error, result) =>
      error ? reject(error) : resolve(result),
    );
    client.query(statement as unknown as pg.Submittable);
  });
  return { statement, result };
}

/**
 * Runs `text` read-only as `tenantId` (and as its own `role`, when given) in one round trip; see
 * TenantStatement. `preparedPreamble` false (behind a transaction pooler) parses the preamble with
 * each statement instead.
 */
export async function queryAsTenant(
  client: pg.ClientBase,
  tenantId: TenantId,
  text: string,
  values: unknown[],
  preparedPreamble = true,
  role?: string,
): Promise<pg.QueryResult> {
  const first = submit(client, tenantId, role, text, values, preparedPreamble);
  try {
    return await first.result;
  } catch (error) {
    if (!first.statement.preambleLost) throw error;
    return submit(client, tenantId, role, text, values, preparedPreamble).result;
  }
}
