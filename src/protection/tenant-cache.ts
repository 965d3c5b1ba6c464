import type { Redis } from 'ioredis';
import { LRUCache } from 'lru-cache';
import type { StoreOutage } from './store-outage.js';

export type CacheResult = 'hit' | 'miss' | 'rejected';

interface Entry {
  tenant_id: string;
  payload: string;
  /** When this process stored it (epoch ms); older than a failed invalidation means possibly stale. */
  stored_at?: number;
}

/**
 * Drops a tenant's index (KEYS[1]) and every entry it names (ARGV[1] + key) in one round trip and
 * atomically: every write invalidates, and reading the index first cost a second round trip. The
 * entry keys are not declared in KEYS, so this needs one Redis, not a cluster (as MULTI did).
 */
const INVALIDATE = `local keys = redis.call('SMEMBERS', KEYS[1])
for _, key in ipairs(keys) do redis.call('DEL', ARGV[1] .. key) end
redis.call('DEL', KEYS[1])
return #keys`;

/**
 * Short-lived cache of tenant reads. Every key names its tenant and every value carries it; a
 * value whose tenant is not the reader's is never served. Writing anything for a tenant drops
 * all of that tenant's entries. In memory per process, or shared in Redis when configured;
 * a cache outage (refused or stalled) degrades to misses, never to errors or waits. When a
 * write's invalidation cannot reach Redis, this process refuses every entry of that tenant
 * stored before it (including a stalled SET that Redis runs late), until an invalidation succeeds.
 */
export class TenantCache {
  /** Without Redis: entries by tenant and key, least recently used evicted first at `maxEntries`. */
  private readonly memory: LRUCache<string, Entry>;
  /** Tenant → its keys in `memory`, so invalidating a tenant does not scan every entry. */
  private readonly memoryKeys = new Map<string, Set<string>>();
  /** Tenant → time of its last invalidation that did not reach Redis. */
  private readonly staleBefore = new Map<string, number>();

  constructor(
    private readonly options: {
      ttlSeconds: number;
      maxEntries: number;
      keyPrefix: string;
      redis?: Redis;
      outage?: StoreOutage;
      onLookup?: (tenantId: string, result: CacheResult) => void;
    },
  ) {
    this.memory = new LRUCache({
      max: options.maxEntries,
      ttl: options.ttlSeconds * 1000,
      // Evicted, expired or deleted: out of the tenant's key set too ('set' replaces in place).
      dispose: (entry, memoryKey, reason) => {
        if (reason === 'set') return;
        const keys = this.memoryKeys.get(entry.tenant_id);
        keys?.delete(memoryKey);
        if (keys?.size === 0) this.memoryKeys.delete(entry.tenant_id);
      },
    });
  }

  private memoryKey(tenantId: string, key: string): string {
    return `${tenantId}\u0001${key}`;
  }

  private redisKey(tenantId: string, key: string): string {
    return `${this.options.keyPrefix}:${tenantId}:${key}`;
  }

  private indexKey(tenantId: string): string {
    return `${this.options.keyPrefix}:index:${tenantId}`;
  }

  async get(tenantId: string, key: string): Promise<string | undefined> {
    const entry = await this.read(tenantId, key);
    const result: CacheResult = !entry ? 'miss' : entry.tenant_id === tenantId ? 'hit' : 'rejected';
    this.options.onLookup?.(tenantId, result);
    return result === 'hit' ? entry!.payload : undefined;
  }

  private async read(tenantId: string, key: string): Promise<Entry | undefined> {
    const { redis, outage } = this.options;
    if (redis) {
      if (outage?.skip()) return undefined;
      try {
        const raw = await redis.get(this.redisKey(tenantId, key));
        outage?.answered();
        const entry = raw ? (JSON.parse(raw) as Entry) : undefined;
        const staleBefore = this.staleBefore.get(tenantId);
        if (entry && staleBefore !== undefined && !((entry.stored_at ?? 0) > staleBefore)) return undefined;
        return entry;
      } catch {
        outage?.failed();
        return undefined;
      }
    }
    return this.memory.get(this.memoryKey(tenantId, key));
  }

  async set(tenantId: string, key: string, payload: string): Promise<void> {
    const entry: Entry = { tenant_id: tenantId, payload };
    const { redis, outage, ttlSeconds } = this.options;
    if (redis) {
      if (outage?.skip()) return;
      entry.stored_at = Date.now();
      await redis
        .multi()
        .set(this.redisKey(tenantId, key), JSON.stringify(entry), 'EX', ttlSeconds)
        .sadd(this.indexKey(tenantId), key)
        .expire(this.indexKey(tenantId), ttlSeconds * 2)
        .exec()
        .then(
          () => outage?.answered(),
          () => outage?.failed(),
        );
      return;
    }
    const memoryKey = this.memoryKey(tenantId, key);
    this.memory.set(memoryKey, entry);
    let keys = this.memoryKeys.get(tenantId);
    if (!keys) {
      keys = new Set();
      this.memoryKeys.set(tenantId, keys);
    }
    keys.add(memoryKey);
  }

  /** Drops every cached read of the tenant; called after each of its successful writes. */
  async invalidate(tenantId: string): Promise<void> {
    const { redis, outage } = this.options;
    if (redis) {
      const startedAt = Date.now();
      if (!outage?.skip()) {
        try {
          await redis.eval(INVALIDATE, 1, this.indexKey(tenantId), this.redisKey(tenantId, ''));
          outage?.answered();
          this.staleBefore.delete(tenantId);
          return;
        } catch {
          outage?.failed();
        }
      }
      // Other processes may serve such entries until their TTL ends; this one never does.
      this.staleBefore.set(tenantId, startedAt);
      return;
    }
    // delete() shrinks the set through dispose, so walk a copy.
    for (const memoryKey of [...(this.memoryKeys.get(tenantId) ?? [])]) this.memory.delete(memoryKey);
  }
}
