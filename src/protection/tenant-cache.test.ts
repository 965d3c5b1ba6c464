import { describe, expect, it } from 'vitest';
import { TenantCache } from './tenant-cache.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const inMemory = (maxEntries: number, ttlSeconds = 30) =>
  new TenantCache({ ttlSeconds, maxEntries, keyPrefix: 'test' });

describe('the in-memory tenant cache (no Redis)', () => {
  it('drops every entry of one tenant on its invalidation and none of another', async () => {
    const cache = inMemory(10);
    await cache.set('tenant-a', 'k1', 'a1');
    await cache.set('tenant-a', 'k2', 'a2');
    await cache.set('tenant-b', 'k1', 'b1');
    await cache.invalidate('tenant-a');
    expect(await cache.get('tenant-a', 'k1')).toBeUndefined();
    expect(await cache.get('tenant-a', 'k2')).toBeUndefined();
    expect(await cache.get('tenant-b', 'k1')).toBe('b1');
    // Stored again after the invalidation, it is served again.
    await cache.set('tenant-a', 'k1', 'a1 again');
    expect(await cache.get('tenant-a', 'k1')).toBe('a1 again');
  });

  it('keeps at most maxEntries, evicting the least recently used, and an evicted key no longer counts', async () => {
    const cache = inMemory(2);
    await cache.set('tenant-a', 'k1', 'a1');
    await cache.set('tenant-b', 'k1', 'b1');
    expect(await cache.get('tenant-a', 'k1')).toBe('a1');
    await cache.set('tenant-c', 'k1', 'c1');
    expect(await cache.get('tenant-b', 'k1')).toBeUndefined();
    expect(await cache.get('tenant-a', 'k1')).toBe('a1');
    expect(await cache.get('tenant-c', 'k1')).toBe('c1');
    // tenant-b's key set was emptied by the eviction: invalidating it touches nobody else.
    await cache.invalidate('tenant-b');
    expect(await cache.get('tenant-a', 'k1')).toBe('a1');
    expect(await cache.get('tenant-c', 'k1')).toBe('c1');
  });

  it('serves an entry for ttlSeconds and not after', async () => {
    const cache = inMemory(10, 1);
    await cache.set('tenant-a', 'k', 'v');
    expect(await cache.get('tenant-a', 'k')).toBe('v');
    await sleep(1100);
    expect(await cache.get('tenant-a', 'k')).toBeUndefined();
  });

  it('never serves a key across tenants, even where two joined keys collide', async () => {
    const results: string[] = [];
    const cache = new TenantCache({
      ttlSeconds: 30,
      maxEntries: 10,
      keyPrefix: 'test',
      onLookup: (_tenant, result) => results.push(result),
    });
    await cache.set('a', 'b\u0001c', 'secret of a');
    expect(await cache.get('b', 'b\u0001c')).toBeUndefined();
    expect(await cache.get('a\u0001b', 'c')).toBeUndefined();
    expect(results).toEqual(['miss', 'rejected']);
  });
});
