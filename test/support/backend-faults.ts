import pg from 'pg';
import type { TenantId } from '../../src/tenancy/tenant-id.js';
import type { Isolation } from '../../src/tenancy/tenant-scope.js';
import { quoteIdent } from '../../src/db/sql-identifier.js';
import { TENANT_DATABASE_SCHEMA } from '../../src/tenancy/isolation/database/database-isolation.js';
import { storageNames } from '../../src/tenancy/storage-names.js';
import type { TestInstance } from './test-instance.js';

/** A superuser connection to the database that holds `tenant`'s rows (the platform one for pool and schema). */
export async function storageClient(
  tb: TestInstance,
  tenant: { id: string; isolation: Isolation },
): Promise<pg.Client> {
  const { endpoints } = tb.services.tenancy;
  const url = new URL(endpoints.servers.get('default')!);
  url.pathname =
    tenant.isolation === 'database'
      ? `/${endpoints.names.databaseFor(tenant.id as TenantId)}`
      : new URL(tb.env.DATABASE_URL!).pathname;
  const client = new pg.Client({ connectionString: url.toString() });
  client.on('error', () => undefined);
  await client.connect();
  return client;
}

/**
 * Blocks appends to `tenant`'s audit trail from `client`'s session (a SHARE lock on its audit_log
 * table, held in an open transaction): every write of that tenant inserts its own rows, then waits
 * inside its transaction for the audit insert, which is the moment a fault test needs.
 */
export async function holdAuditLock(
  client: pg.Client,
  tenant: { id: string; isolation: Isolation },
): Promise<() => Promise<void>> {
  const schema =
    tenant.isolation === 'pool'
      ? 'pool'
      : tenant.isolation === 'schema'
        ? storageNames('').schemaFor(tenant.id as TenantId)
        : TENANT_DATABASE_SCHEMA;
  await client.query('begin');
  await client.query(`lock table ${quoteIdent(schema)}.audit_log in share mode`);
  return async () => {
    await client.query('rollback');
  };
}

/** Polls until a backend of the application role in `client`'s database waits for a table lock; its pid. */
export async function waitForLockedBackend(
  client: pg.Client,
  /** The application role, and a database tenant's own login role (its pool connects as that). */
  roles: string[],
  timeoutMs = 20_000,
): Promise<number> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    // The holder polls inside its open transaction, where pg_stat_activity is a snapshot: drop it first.
    await client.query('select pg_stat_clear_snapshot()');
    const { rows } = await client.query<{ pid: number }>(
      `select pid from pg_stat_activity
        where datname = current_database() and usename = any($1) and wait_event_type = 'Lock' and wait_event = 'relation'`,
      [roles],
    );
    if (rows[0]) return rows[0].pid;
    if (Date.now() > deadline) throw new Error('no application backend waited for the lock');
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** Ends a backend as an operator, a failover or a crash would. */
export async function terminateBackend(client: pg.Client, pid: number): Promise<void> {
  const { rows } = await client.query<{ ok: boolean }>('select pg_terminate_backend($1) as ok', [pid]);
  if (!rows[0]?.ok) throw new Error(`backend ${pid} was not terminated`);
}
