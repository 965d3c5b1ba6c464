import pg from 'pg';

/** The statements one connection sent in one round trip: queued while it had nothing in flight. */
export interface Flight {
  /** Which connection (numbered in the order first seen) and database. */
  connection: number;
  database: string;
  statements: string[];
}

interface ClientState {
  _activeQuery?: unknown;
  _sentQueryQueue?: unknown[];
  _queryQueue: unknown[];
  database?: string;
}

const textOf = (config: unknown): string => {
  if (typeof config === 'string') return config;
  const text = (config as { text?: unknown }).text;
  return typeof text === 'string' ? text : '(query object)';
};

/**
 * Records every statement any pg client of this process sends while `work` runs, grouped into
 * round trips: a statement sent while its connection waits for nothing starts a new one, and
 * statements queued behind it (pipelined) ride along until the connection is idle again. It reads
 * pg's own queues (pinned ~8.23, like the internals src/tenancy/tenant-statement.ts names).
 */
export async function recordRoundTrips(
  work: () => Promise<void>,
  /** Which statements count, e.g. only those sent in a request's async context (not a timer's). */
  counts: () => boolean = () => true,
): Promise<Flight[]> {
  const flights: Flight[] = [];
  const current = new WeakMap<object, Flight>();
  const numbers = new WeakMap<object, number>();
  let seen = 0;
  const original = pg.Client.prototype.query;
  pg.Client.prototype.query = function (this: pg.Client & ClientState, ...args: unknown[]) {
    if (!counts()) return (original as (...a: unknown[]) => unknown).apply(this, args);
    const idle =
      !this._activeQuery && (this._sentQueryQueue?.length ?? 0) === 0 && this._queryQueue.length === 0;
    let flight = current.get(this);
    if (idle || !flight) {
      if (!numbers.has(this)) numbers.set(this, seen++);
      flight = { connection: numbers.get(this)!, database: this.database ?? '?', statements: [] };
      flights.push(flight);
      current.set(this, flight);
    }
    flight.statements.push(textOf(args[0]).replace(/\s+/g, ' ').trim());
    return (original as (...a: unknown[]) => unknown).apply(this, args);
  } as typeof original;
  try {
    await work();
  } finally {
    pg.Client.prototype.query = original;
  }
  return flights;
}

/** The flights of each transaction of one connection: BEGIN opens one, COMMIT or ROLLBACK ends it. */
export function transactions(flights: Flight[]): Flight[][] {
  const open = new Map<number, Flight[]>();
  const done: Flight[][] = [];
  for (const flight of flights) {
    const list = open.get(flight.connection) ?? [];
    list.push(flight);
    open.set(flight.connection, list);
    if (flight.statements.some((s) => s === 'commit' || s === 'rollback')) {
      done.push(list);
      open.delete(flight.connection);
    }
  }
  return [...done, ...open.values()];
}
