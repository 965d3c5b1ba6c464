import { Kysely, PostgresDialect } from 'kysely';
import type pg from 'pg';
import type { PlatformDatabase } from './platform-database.js';

/**
 * The platform database as its owner, for the few tables the application role may not read
 * (private signing keys): a SQL injection through the application's connections has no path to
 * them, which a SECURITY DEFINER function callable by that role would give back. Borrows the
 * owner pool, so it is never destroyed on its own (Tenancy.close ends the pool).
 */
export function ownerPlatformDb(ownerPool: pg.Pool): Kysely<PlatformDatabase> {
  return new Kysely<PlatformDatabase>({ dialect: new PostgresDialect({ pool: ownerPool }) });
}
