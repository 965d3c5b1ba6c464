import pg from 'pg';

/** Sizes that keep 10,000 tenant databases from exhausting a server. */
export interface DatabasePoolCacheOptions {
  /** Connections one tenant database may hold. */
  perDatabaseMax: number;
  /** Connections all tenant databases may hold together in this process. */
  connectionCap: number;
  idleTimeoutMillis?: number;
  /** How long `connect` waits for a connection (in line at the budget, or opening one) before it fails. */
  checkoutTimeoutMillis?: number;
  /**
   * How long since a database last had every connection checked out before its surplus counts as
   * cold, i.e. worth closing to make room for another database. A hot surplus would be reopened
   * within moments: evicting it only moves the cost of a new connection around.
   */
  surplusColdMillis?: number;
}

/** Half-life of a database's request rate as eviction weighs it. */
const RATE_HALF_LIFE_MS = 10_000;

interface Entry {
  pool: pg.Pool;
  /**
   * Connections of this pool counted in the budget: from pg-pool's 'connect' to its 'remove',
   * which comes after the client has ended, while pg-pool stops counting it (totalCount) before.
   */
  connections: number;
  lastUsed: number;
  /** Checkouts, each decayed by RATE_HALF_LIFE_MS since it happened, as of `lastUsed`. */
  rate: number;
  active: number;
  /** When every connection of the pool was last checked out at once (see surplusColdMillis). */
  fullAt: number;
  /**
   * Idle clients promised to callers whose `pool.connect()` has not resolved yet: pg-pool hands
   * idle clients out on the next tick, and if one is gone by then it opens a new connection
   * outside the budget. Only `idleCount - claims` idle clients are really available.
   */
  claims: number;
  /** Callers of this database waiting, at the cap, for one of its own connections to come free. */
  waiters: Array<() => void>;
}

/**
 * One small pool per tenant database, opened on demand. A global budget bounds the open
 * connections. When it is spent, a database that already has connections waits for one of its
 * own, so busy tenants do not take each other's connections in turn (each such eviction costs a
 * new connection somewhere); a database with none frees budget by closing an idle connection
 * (see evictOne: the idle pool requested least lately, by decayed rate), and if none can be,
 * waits in line for a release.
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
    const now = performance.now();
    entry.rate = rateAt(entry, now) + 1;
    entry.lastUsed = now;
    entry.active += 1;
    const deadline = now + (this.options.checkoutTimeoutMillis ?? Number.POSITIVE_INFINITY);
    let reserved = false; // a unit of the budget held for the connection this call may open
    try {
      // pool.connect() is only called with an idle client claimed or a unit reserved: queued
      // inside pg-pool, a caller would get a new connection outside the budget whenever one of
      // the pool's clients is removed.
      let claimed = false;
      let waited = false;
      for (;;) {
        if (this.idle(entry) > 0) {
          claimed = true;
          break;
        }
        const full = entry.pool.totalCount >= this.options.perDatabaseMax;
        if (!full && this.open + this.creating < this.options.connectionCap) {
          this.creating += 1;
          reserved = true;
          break;
        }
        if (entry.pool.totalCount > 0) {
          // Full, or at the cap: share this database's connections. Wait for its next release
          // (after a first wait at the front, so newcomers do not overtake).
          await waitInLine(entry.waiters, deadline, waited);
          waited = true;
          continue;
        }
        // Hold the unit an eviction frees from the start, so nobody else takes it meanwhile.
        this.creating += 1;
        reserved = true;
        if (await this.evictOne(entry)) break;
        this.creating -= 1;
        reserved = false;
        await waitInLine(this.waiters, deadline, false);
      }
      if (claimed) entry.claims += 1;
      const client = await entry.pool.connect().finally(() => {
        if (claimed) entry.claims -= 1;
      });
      if (entry.pool.idleCount === 0) entry.fullAt = performance.now();
      const release = client.release.bind(client);
      let released = false;
      client.release = (destroy?: boolean | Error) => {
        if (released) return;
        released = true;
        entry.active -= 1;
        release(destroy);
        if (entry.waiters.length > 0) entry.waiters.shift()!();
        else this.waiters.shift()?.();
      };
      return client;
    } catch (error) {
      entry.active -= 1;
      entry.waiters.shift()?.();
      this.waiters.shift()?.();
      throw error;
    } finally {
      if (reserved) this.creating -= 1; // the connection, if one was opened, now counts as open
    }
  }

  /** Idle clients of `entry` nobody has claimed yet. */
  private idle(entry: Entry): number {
    return Math.max(0, entry.pool.idleCount - entry.claims);
  }

  private entryFor(key: string): Entry {
    const entry = this.entries.get(key);
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
    pool.on('connect', (client) => {
      this.open += 1;
      created.connections += 1;
      // Checked-out clients have no listener of pg-pool's: a dropped connection would kill the process.
      client.on('error', () => undefined);
    });
    pool.on('remove', () => {
      this.open -= 1;
      created.connections -= 1;
      created.waiters.shift()?.(); // its connection may have been the one they waited for
      this.waiters.shift()?.();
    });
    pool.on('error', () => undefined); // an idle client's error removes it; the next checkout reconnects
    const created: Entry = {
      pool,
      connections: 0,
      lastUsed: performance.now(),
      rate: 0,
      active: 0,
      fullAt: Number.NEGATIVE_INFINITY,
      claims: 0,
      waiters: [],
    };
    this.entries.set(key, created);
    return created;
  }

  /**
   * Frees one unit of budget and resolves once the connection is closed. In that order, each least
   * recently used first: a cold surplus idle connection (of a pool that keeps others open and has
   * not needed them all lately), a pool with nothing checked out, a hot surplus connection. A
   * tenant's last connection is worth more than a surplus nobody needs: losing it costs that
   * tenant a new connection on its next request; but a surplus its busy tenant needed a moment
   * ago would be reopened right away (under Zipf traffic that churn was most of the opened ones).
   */
  private async evictOne(except: Entry): Promise<boolean> {
    const now = performance.now();
    const coldBefore = now - (this.options.surplusColdMillis ?? 2000);
    let idlePool: [string, Entry] | undefined;
    let idlePoolRate = Number.POSITIVE_INFINITY;
    let hotSurplus: Entry | undefined;
    for (const item of this.entries) {
      const entry = item[1];
      if (entry === except || this.idle(entry) === 0) continue;
      if (entry.pool.totalCount > 1) {
        if (entry.fullAt < coldBefore) {
          await this.closeIdleConnection(entry);
          return true;
        }
        hotSurplus ??= entry;
      } else if (entry.active === 0) {
        // The least requested lately, not merely the least recent: under skewed traffic a busy
        // tenant's short pause must not cost it its connection to a passing rare one.
        const rate = rateAt(entry, now);
        if (rate < idlePoolRate) [idlePool, idlePoolRate] = [item, rate];
      }
    }
    if (!idlePool && hotSurplus) {
      await this.closeIdleConnection(hotSurplus);
      return true;
    }
    if (!idlePool) return false;
    const [key, entry] = idlePool;
    this.entries.delete(key);
    // The budget is free once every connection of the pool has ended: pool.end() resolves when its
    // clients are detached, and one destroyed just before may still be ending (its unit is already
    // promised to whoever waits for that 'remove').
    const closed = new Promise<void>((resolve) => {
      const onRemove = () => {
        if (entry.connections > 0) return;
        entry.pool.off('remove', onRemove);
        resolve();
      };
      entry.pool.on('remove', onRemove);
    });
    await entry.pool.end();
    await closed;
    return true;
  }

  /** Checks out one idle connection of `entry` and destroys it. */
  private async closeIdleConnection(entry: Entry): Promise<void> {
    entry.claims += 1;
    const client = await entry.pool.connect().finally(() => {
      entry.claims -= 1;
    });
    const closed = new Promise<void>((resolve) => client.once('end', () => resolve()));
    client.release(true);
    await closed;
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

/**
 * Waits in `line` (at its front when `front`) until called, or fails at `deadline` with pg-pool's
 * own checkout timeout message, leaving the line as if it had never joined.
 */
function waitInLine(line: Array<() => void>, deadline: number, front: boolean): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const wake = () => {
      clearTimeout(timer);
      resolve();
    };
    const timer =
      deadline === Number.POSITIVE_INFINITY
        ? undefined
        : setTimeout(
            () => {
              const at = line.indexOf(wake);
              if (at >= 0) line.splice(at, 1);
              reject(new Error('timeout exceeded when trying to connect'));
            },
            Math.max(0, deadline - performance.now()),
          );
    if (front) line.unshift(wake);
    else line.push(wake);
  });
}

/** A database's decayed checkout count at `now`. */
function rateAt(entry: Entry, now: number): number {
  return entry.rate * 2 ** (-(now - entry.lastUsed) / RATE_HALF_LIFE_MS);
}
