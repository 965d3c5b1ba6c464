import { sql } from 'kysely';
import type { Tenancy } from '../../tenancy/tenancy.js';

/** One database server a `database` tenant may be placed on or moved to, with its load. */
export interface DatabaseServer {
  name: string;
  database_tenants: number;
}

/**
 * The servers of DATABASE_SERVERS (and `default`), in configuration order, each with the number of
 * live database tenants it holds: what the console offers as a move's target server.
 */
export async function listDatabaseServers(tenancy: Tenancy): Promise<DatabaseServer[]> {
  const counts = await tenancy.platformDb
    .selectFrom('platform.tenants')
    .select(['placement', sql<string>`count(*)`.as('n')])
    .where('isolation', '=', 'database')
    .where('status', '<>', 'deleted')
    .groupBy('placement')
    .execute();
  const load = new Map(counts.map((row) => [row.placement, Number(row.n)]));
  return tenancy.placements.map((name) => ({ name, database_tenants: load.get(name) ?? 0 }));
}
