import pg from 'pg';

/** Sizes that keep 10,000 tenant databases from exhausting a server. */
export interface DatabasePoolCacheOptions {
  /** Connections one tenant database may hold. */
  perDatabaseMax: number;
  /** Connections all tenant databases may hold together in this process. */
  connectionCap: number;
  idleTimeoutMillis?: number;
}

interface Entry {
  pool: pg.Pool;
  lastUsed: number;
  active: number;
}

/**
 * One small pool per tenant database, opened on demand. A global budget bounds the open
 * connections; when it is spent, the least recently used pool with nothing checked out is
 * closed, and if none can be, callers wait in line for a release.
 */
export class DatabasePoolCache {
  private readonly entries = new Map<string, Entry>();
  private readonly waiters: Array<() => void> = [];
  private open = 0;
  private creating = 0;

  constructor(
    private readonly options: DatabasePoolCacheOptions,
    private readonly configFor: (key: string) => pg.PoolConfig,
  ) {}

  /** Connections currently open across every tenant database pool. */
  get openConnections(): number {
    return this.open;
  }

  get openPools(): number {
    return this.entries.size;
  }

  /** Checks out a client of `key`'s database; release it with `client.release()`. */
  async connect(key: string): Promise<pg.PoolClient> {
    const entry = this.entryFor(key);
    entry.lastUsed = performance.now();
    entry.active += 1;
    try {
      let creates: boolean;
      while (
        (creates = this.needsNewConnection(entry)) &&
        this.open + this.creating >= this.options.connectionCap
      ) {
        if (!(await this.evictOne(entry))) await new Promise<void>((resolve) => this.waiters.push(resolve));
      }
      if (creates) this.creating += 1;
      const client = await entry.pool.connect().finally(() => {
        if (creates) this.creating -= 1;
      });
      const release = client.release.bind(client);
      let released = false;
      client.release = (destroy?: boolean | Error) => {
        if (released) return;
        released = true;
        entry.active -= 1;
        entry.lastUsed = performance.now();
        release(destroy);
        this.waiters.shift()?.();
      };
      return client;
    } catch (error) {
      entry.active -= 1;
      this.waiters.shift()?.();
      throw error;
    }
  }

  /** False when the pool can serve from an idle client or will queue the caller itself. */
  private needsNewConnection(entry: Entry): boolean {
    return entry.pool.idleCount === 0 && entry.pool.totalCount < this.options.perDatabaseMax;
  }

  private entryFor(key: string): Entry {
    let entry = this.entries.get(key);
    if (entry) {
      this.entries.delete(key);
      this.entries.set(key, entry); // Map order is recency order
      return entry;
    }
    const pool = new pg.Pool({
      ...this.configFor(key),
      max: this.options.perDatabaseMax,
      idleTimeoutMillis: this.options.idleTimeoutMillis ?? 30_000,
    });
    pool.on('connect', () => {
      this.open += 1;
    });
    pool.on('remove', () => {
      this.open -= 1;
      this.waiters.shift()?.();
    });
    pool.on('error', () => undefined); // an idle client's error removes it; the next checkout reconnects
    entry = { pool, lastUsed: performance.now(), active: 0 };
    this.entries.set(key, entry);
    return entry;
  }

  /** Frees budget by dropping an idle connection of the least recently used other pool. */
  private async evictOne(except: Entry): Promise<boolean> {
    for (const [key, entry] of this.entries) {
      if (entry === except || entry.pool.idleCount === 0) continue;
      if (entry.active === 0 && entry.pool.totalCount === entry.pool.idleCount) {
        this.entries.delete(key);
        await entry.pool.end();
      } else {
        // close one idle connection of a busy pool by checking it out and destroying it
        const client = await entry.pool.connect();
        client.release(true);
      }
      return true;
    }
    return false;
  }

  /** Closes the pool of one database, e.g. before the database is dropped. */
  async close(key: string): Promise<void> {
    const entry = this.entries.get(key);
    if (!entry) return;
    this.entries.delete(key);
    await entry.pool.end();
  }

  async closeAll(): Promise<void> {
    const pools = [...this.entries.values()].map((entry) => entry.pool.end());
    this.entries.clear();
    await Promise.all(pools);
  }
}
