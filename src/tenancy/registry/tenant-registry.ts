import { type Kysely, sql } from 'kysely';
import { LRUCache } from 'lru-cache';
import type { PlatformDatabase } from '../../db/platform-database.js';
import { isTenantId, type TenantId } from '../tenant-id.js';
import { type TenantRecord, toTenantRecord } from './tenant-record.js';

/** Reads kept per process; a miss (no such tenant or host) is kept too, so it costs one read per TTL. */
const MAX_CACHED = 10_000;

/**
 * The tenant registry in the platform database. Reads on the request path are cached for a
 * moment; every process invalidates its own copy on write, others catch up within `ttlMs`.
 */
export class TenantRegistry {
  private readonly byId: LRUCache<string, { record: TenantRecord | undefined }>;
  private readonly byHost: LRUCache<string, { id: TenantId | undefined }>;

  constructor(
    readonly db: Kysely<PlatformDatabase>,
    ttlMs = 2000,
  ) {
    this.byId = new LRUCache({ max: MAX_CACHED, ttl: ttlMs });
    this.byHost = new LRUCache({ max: MAX_CACHED, ttl: ttlMs });
  }

  /** The tenant, or undefined when there is none by that id. */
  async find(id: TenantId): Promise<TenantRecord | undefined> {
    const hit = this.byId.get(id);
    if (hit) return hit.record;
    const record = await this.load(id);
    this.byId.set(id, { record });
    return record;
  }

  /** Reads straight from the database, skipping the cache (for writers and background work). */
  async load(id: TenantId): Promise<TenantRecord | undefined> {
    const row = await this.db
      .selectFrom('platform.tenants')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst();
    if (!row) return undefined;
    const hosts = await this.db
      .selectFrom('platform.tenant_hostnames')
      .select('hostname')
      .where('tenant_id', '=', id)
      .orderBy('hostname')
      .execute();
    return toTenantRecord(
      row,
      hosts.map((h) => h.hostname),
    );
  }

  /** The tenant that registered `hostname` as a custom host name. */
  async findIdByHostname(hostname: string): Promise<TenantId | undefined> {
    const hit = this.byHost.get(hostname);
    if (hit) return hit.id;
    const row = await this.db
      .selectFrom('platform.tenant_hostnames')
      .select('tenant_id')
      .where('hostname', '=', hostname)
      .executeTakeFirst();
    const id = row && isTenantId(row.tenant_id) ? row.tenant_id : undefined;
    this.byHost.set(hostname, { id });
    return id;
  }

  /** Forgets cached reads of one tenant after this process changed it. */
  invalidate(id: TenantId): void {
    this.byId.delete(id);
    this.byHost.clear();
  }

  /** Updates status and progress fields, stamping updated_at. */
  async setStatus(
    id: TenantId,
    fields: Partial<Pick<TenantRecord, 'status' | 'provisioning_step' | 'provisioning_error'>>,
  ): Promise<void> {
    await this.db
      .updateTable('platform.tenants')
      .set({ ...fields, updated_at: sql<Date>`now()` })
      .where('id', '=', id)
      .execute();
    this.invalidate(id);
  }
}
