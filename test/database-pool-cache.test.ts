import type pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { DatabasePoolCache } from '../src/tenancy/isolation/database/database-pool-cache.js';

/** Every key is its own pool; they all reach the server's `postgres` database, which is all the cache needs. */
function cacheOf(
  connectionCap: number,
  perDatabaseMax: number,
  more: { idleTimeoutMillis?: number; surplusColdMillis?: number } = {},
): DatabasePoolCache {
  const url = new URL(inject('serverUrl'));
  url.pathname = '/postgres';
  return new DatabasePoolCache({ perDatabaseMax, connectionCap, ...more }, () => ({
    connectionString: url.toString(),
  }));
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 50));

let cache: DatabasePoolCache | undefined;
/** Clients a test checks out and may not get to release when an assertion fails first. */
const held: pg.PoolClient[] = [];
afterEach(async () => {
  for (const client of held.splice(0)) client.release();
  await cache?.closeAll();
  cache = undefined;
});

describe('DatabasePoolCache', () => {
  it('never holds more connections than the cap, however the load is spread', async () => {
    cache = cacheOf(4, 3, { idleTimeoutMillis: 100 }); // short idle timeout: connections also close on their own
    const c = cache;
    let peak = 0;
    const sample = () => (peak = Math.max(peak, c.openConnections));
    const sampler = setInterval(sample, 1);
    const end = performance.now() + 2000;
    const worker = async (seed: number) => {
      for (let i = seed; performance.now() < end; i++) {
        const client = await c.connect(`db${(i * i) % 13}`); // 13 databases, some much busier
        sample();
        await client.query('select 1');
        if (i % 3 === 0) await new Promise((resolve) => setTimeout(resolve, i % 7));
        client.release(i % 50 === 0); // now and then a connection is destroyed
      }
    };
    await Promise.all(Array.from({ length: 16 }, (_, seed) => worker(seed)));
    clearInterval(sampler);
    await settle();
    expect(peak).toBeLessThanOrEqual(4);
    expect(c.openConnections).toBeLessThanOrEqual(4);
  });

  it('at the cap, lets a database with a connection wait for its own instead of evicting another', async () => {
    cache = cacheOf(2, 2);
    const first = await cache.connect('a');
    held.push(first);
    (await cache.connect('b')).release();
    expect(cache.openConnections).toBe(2);

    let second: pg.PoolClient | undefined;
    const waiting = cache.connect('a').then((client) => {
      held.push(client);
      return (second = client);
    });
    await settle();
    expect(second).toBeUndefined(); // b's idle connection was not taken
    expect(cache.openPools).toBe(2);

    first.release();
    await waiting;
    expect(second).toBeDefined();
    for (const client of held.splice(0)) client.release();
    expect(cache.openConnections).toBe(2);
    expect(cache.openPools).toBe(2);
  });

  it('frees budget from a cold surplus connection before closing a database’s only one', async () => {
    cache = cacheOf(3, 2, { surplusColdMillis: 0 }); // every surplus is cold at once
    (await cache.connect('lonely')).release(); // least recently used, one connection
    const a1 = await cache.connect('busy');
    const a2 = await cache.connect('busy');
    a1.release();
    a2.release(); // two idle connections, used more recently
    expect(cache.openConnections).toBe(3);

    (await cache.connect('new')).release();
    await settle();
    expect(cache.openConnections).toBe(3);
    expect(cache.openPools).toBe(3); // 'lonely' kept its connection; 'busy' gave up its second
  });

  it('keeps a surplus its database needed a moment ago, and closes the least recently used one instead', async () => {
    cache = cacheOf(3, 2); // a surplus turns cold 2 s after its database last used every connection
    (await cache.connect('lonely')).release();
    const a1 = await cache.connect('busy');
    const a2 = await cache.connect('busy');
    a1.release();
    a2.release(); // 'busy' needed both connections just now

    (await cache.connect('new')).release();
    await settle();
    expect(cache.openConnections).toBe(3);
    expect(cache.openPools).toBe(2); // 'lonely' made room; 'busy' kept both
    const again = [await cache.connect('busy'), await cache.connect('busy')];
    expect(cache.openConnections).toBe(3); // both of 'busy' were still open: no new connection
    for (const client of again) client.release();
  });

  it('keeps the connection of a database requested often over that of one requested once since', async () => {
    cache = cacheOf(2, 1);
    const pidOf = async (client: pg.PoolClient) =>
      (await client.query<{ pid: number }>('select pg_backend_pid() as pid')).rows[0]!.pid;
    let frequentPid = 0;
    for (let i = 0; i < 5; i++) {
      const client = await cache.connect('frequent');
      frequentPid = await pidOf(client);
      client.release();
    }
    (await cache.connect('rare')).release(); // the more recent of the two, but once
    (await cache.connect('new')).release();
    await settle();
    const again = await cache.connect('frequent');
    held.push(again);
    expect(await pidOf(again)).toBe(frequentPid); // least recently used, yet kept: 'rare' made room
  });

  it('closes the least recently used idle database when no pool has a surplus', async () => {
    cache = cacheOf(2, 2);
    (await cache.connect('old')).release();
    (await cache.connect('recent')).release();
    (await cache.connect('new')).release();
    await settle();
    expect(cache.openConnections).toBe(2);
    expect(cache.openPools).toBe(2);
    const reused = await cache.connect('recent'); // still open: served without a new connection
    expect(cache.openConnections).toBe(2);
    reused.release();
  });
});
