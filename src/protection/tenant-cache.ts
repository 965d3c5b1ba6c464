import type { Redis } from 'ioredis';

export type CacheResult = 'hit' | 'miss' | 'rejected';

interface Entry {
  tenant_id: string;
  payload: string;
}

/**
 * Short-lived cache of tenant reads. Every key names its tenant and every value carries it; a
 * value whose tenant is not the reader's is never served. Writing anything for a tenant drops
 * all of that tenant's entries. In memory per process, or shared in Redis when configured;
 * a cache outage degrades to misses, never to errors.
 */
export class TenantCache {
  private readonly memory = new Map<string, Map<string, { entry: Entry; expires: number }>>();
  private memoryEntries = 0;

  constructor(
    private readonly options: {
      ttlSeconds: number;
      maxEntries: number;
      keyPrefix: string;
      redis?: Redis;
      onLookup?: (tenantId: string, result: CacheResult) => void;
    },
  ) {}

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
    const { redis } = this.options;
    if (redis) {
      try {
        const raw = await redis.get(this.redisKey(tenantId, key));
        return raw ? (JSON.parse(raw) as Entry) : undefined;
      } catch {
        return undefined;
      }
    }
    const found = this.memory.get(tenantId)?.get(key);
    if (!found) return undefined;
    if (found.expires < Date.now()) {
      this.memory.get(tenantId)?.delete(key);
      this.memoryEntries -= 1;
      return undefined;
    }
    return found.entry;
  }

  async set(tenantId: string, key: string, payload: string): Promise<void> {
    const entry: Entry = { tenant_id: tenantId, payload };
    const { redis, ttlSeconds } = this.options;
    if (redis) {
      await redis
        .multi()
        .set(this.redisKey(tenantId, key), JSON.stringify(entry), 'EX', ttlSeconds)
        .sadd(this.indexKey(tenantId), key)
        .expire(this.indexKey(tenantId), ttlSeconds * 2)
        .exec()
        .catch(() => undefined);
      return;
    }
    if (this.memoryEntries >= this.options.maxEntries) this.evictOldestTenant();
    let entries = this.memory.get(tenantId);
    if (!entries) {
      entries = new Map();
      this.memory.set(tenantId, entries);
    }
    if (!entries.has(key)) this.memoryEntries += 1;
    entries.set(key, { entry, expires: Date.now() + ttlSeconds * 1000 });
  }

  /** Drops every cached read of the tenant; called after each of its successful writes. */
  async invalidate(tenantId: string): Promise<void> {
    const { redis } = this.options;
    if (redis) {
      try {
        const keys = await redis.smembers(this.indexKey(tenantId));
        const pipeline = redis.multi().del(this.indexKey(tenantId));
        for (const key of keys) pipeline.del(this.redisKey(tenantId, key));
        await pipeline.exec();
      } catch {
        // entries expire on their own within the TTL
      }
      return;
    }
    const entries = this.memory.get(tenantId);
    if (entries) {
      this.memoryEntries -= entries.size;
      this.memory.delete(tenantId);
    }
  }

  private evictOldestTenant(): void {
    const oldest = this.memory.keys().next();
    if (!oldest.done) {
      this.memoryEntries -= this.memory.get(oldest.value)!.size;
      this.memory.delete(oldest.value);
    }
  }
}
