import type pg from 'pg';
import { DatabasePoolCache, type DatabasePoolCacheOptions } from './database-pool-cache.js';

/**
 * One DatabasePoolCache per placement server, so TENANT_DB_CONNECTION_CAP bounds the connections
 * to EACH server: a busy or unreachable server cannot spend the budget of the others, and a
 * server's `max_connections` is sized against one cap, not against the whole fleet's.
 * Keys are `placement/database`, as the database isolation model makes them.
 */
export class ServerPoolCaches {
  private readonly servers = new Map<string, DatabasePoolCache>();

  constructor(
    private readonly options: DatabasePoolCacheOptions,
    private readonly configFor: (key: string) => pg.PoolConfig,
  ) {}

  private cacheFor(key: string): DatabasePoolCache {
    const placement = key.slice(0, key.indexOf('/'));
    let cache = this.servers.get(placement);
    if (!cache) {
      cache = new DatabasePoolCache(this.options, this.configFor);
      this.servers.set(placement, cache);
    }
    return cache;
  }

  connect(key: string): Promise<pg.PoolClient> {
    return this.cacheFor(key).connect(key);
  }

  /** Closes the pool of one database, e.g. before the database is dropped. */
  close(key: string): Promise<void> {
    return this.cacheFor(key).close(key);
  }

  async closeAll(): Promise<void> {
    await Promise.all([...this.servers.values()].map((cache) => cache.closeAll()));
  }

  /** Open connections to one server's tenant databases (0 for a server not used yet). */
  openConnectionsOn(placement: string): number {
    return this.servers.get(placement)?.openConnections ?? 0;
  }

  get openConnections(): number {
    return [...this.servers.values()].reduce((sum, cache) => sum + cache.openConnections, 0);
  }

  get openPools(): number {
    return [...this.servers.values()].reduce((sum, cache) => sum + cache.openPools, 0);
  }
}
