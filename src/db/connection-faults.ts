import type pg from 'pg';

/**
 * SQLSTATEs that mean the connection or the server gave up, not that the statement was wrong:
 * class 08 (connection exception), 57P01 admin_shutdown (pg_terminate_backend, a failover),
 * 57P02 crash_shutdown, 57P03 cannot_connect_now, 57P05 idle_session_timeout, 25P03
 * idle_in_transaction_session_timeout, 57014 query_canceled (statement_timeout), 53300
 * too_many_connections.
 */
const FAULT_STATES = new Set(['57P01', '57P02', '57P03', '57P05', '25P03', '57014', '53300']);

/** Node socket errors and the messages pg and pg-pool use for a lost or unobtainable connection. */
const FAULT_SOCKET_CODES = new Set(['ECONNRESET', 'ECONNREFUSED', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH']);
const FAULT_MESSAGES = [
  'Connection terminated',
  'timeout exceeded when trying to connect',
  'Client has encountered a connection error and is not queryable',
  'Client was closed and is not queryable',
];

/**
 * Whether `error` is a database availability fault (a dropped connection, a timeout, a server
 * going away) that a retry may get past: the caller answers 503 UNAVAILABLE, not 500.
 */
export function isConnectionFault(error: unknown): boolean {
  for (let cause = error, depth = 0; cause instanceof Error && depth < 5; depth += 1) {
    const code = (cause as { code?: unknown }).code;
    if (typeof code === 'string') {
      if (FAULT_STATES.has(code) || code.startsWith('08') || FAULT_SOCKET_CODES.has(code)) return true;
    }
    if (FAULT_MESSAGES.some((message) => cause instanceof Error && cause.message.startsWith(message))) {
      return true;
    }
    cause = cause.cause;
  }
  return false;
}

const ignore = () => undefined;

/**
 * pg-pool listens for errors only on idle clients; a checked-out client whose connection drops
 * emits 'error' with nobody listening, and Node exits. With this listener the failure reaches
 * the pending query instead, and the client, no longer queryable, is discarded on release.
 */
export function guardPoolClients(pool: pg.Pool): pg.Pool {
  pool.on('error', ignore);
  pool.on('connect', (client) => {
    client.on('error', ignore);
  });
  return pool;
}

/** The same guard for a client made on its own (owner connections, LISTEN). */
export function guardClient<T extends pg.Client>(client: T): T {
  client.on('error', ignore);
  return client;
}
