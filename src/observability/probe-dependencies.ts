import type { Redis } from 'ioredis';
import pg from 'pg';
import type { Tenancy } from '../tenancy/tenancy.js';
import { type CheckStatus, PROBE_TIMEOUT_MS, probe } from './probe.js';

/** What this process depends on but does not need to serve: detail for operators, not readiness. */
export interface DependencyStatus {
  redis: CheckStatus | 'not_configured';
  /** Each server `database` tenants may be placed on (`default` is the platform's). */
  placement_servers: Record<string, CheckStatus>;
}

async function selectOne(url: string): Promise<void> {
  const client = new pg.Client({
    connectionString: url,
    connectionTimeoutMillis: PROBE_TIMEOUT_MS,
    query_timeout: PROBE_TIMEOUT_MS,
  });
  client.on('error', () => undefined);
  try {
    await client.connect();
    await client.query('select 1');
  } finally {
    await client.end().catch(() => undefined);
  }
}

/**
 * Asks every dependency once, in parallel and bounded. Every server is asked, none sampled
 * through a random tenant, so two calls against the same state give the same answer.
 */
export async function probeDependencies(
  tenancy: Tenancy,
  redis: Redis | undefined,
): Promise<DependencyStatus> {
  const servers = [...tenancy.endpoints.servers];
  const [redisStatus, ...serverStatus] = await Promise.all([
    redis ? probe(() => redis.ping()) : Promise.resolve('not_configured' as const),
    ...servers.map(([, url]) => probe(() => selectOne(url))),
  ]);
  return {
    redis: redisStatus!,
    placement_servers: Object.fromEntries(servers.map(([name], i) => [name, serverStatus[i]!])),
  };
}
