import type { Redis } from 'ioredis';
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
  private readonly memory = new Map<string, Map<string, { entry: Entry; expires: number }>>();
  private memoryEntries = 0;
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
