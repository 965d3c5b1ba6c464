import pg from 'pg';
import type { Isolation } from '../../src/tenancy/tenant-scope.js';
import type { TestInstance } from './test-instance.js';

/**
 * The prepared-statement name of every statement whose text `matches` that pg sent while `run`
 * ran (undefined: sent unnamed), in order.
 */
export async function sentStatementNames(
  matches: (text: string) => boolean,
  run: () => Promise<void>,
): Promise<Array<string | undefined>> {
  const sent: Array<string | undefined> = [];
  const original = pg.Client.prototype.query;
  pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
    const config = args[0] as { text?: string; name?: string } | string;
    const text = typeof config === 'string' ? config : (config.text ?? '');
    if (matches(text)) sent.push(typeof config === 'string' ? undefined : config.name);
    return (original as (...a: unknown[]) => unknown).apply(this, args);
  } as typeof original;
  try {
    await run();
  } finally {
    pg.Client.prototype.query = original;
  }
  return sent;
}

/**
 * Whether `isolation`'s tenant connections may hold named statements: not behind a transaction
 * pooler (CI's PgBouncer run), where they go unnamed as the read preamble does.
 */
export function preparesStatements(tb: TestInstance, isolation: Isolation): boolean {
  const tenancy = tb.services.tenancy as unknown as {
    preparedPreamble: boolean;
    endpoints: { tenantDatabasesDirect: boolean };
  };
  return tenancy.preparedPreamble || (isolation === 'database' && tenancy.endpoints.tenantDatabasesDirect);
}
