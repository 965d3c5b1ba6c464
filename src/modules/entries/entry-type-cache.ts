import type { EntryTypeRow } from './entry-rows.js';

const MAX = 2000;
/** As long as the tenant registry's own copies live: other processes see a change within it. */
const KEEP_MS = 2000;

/**
 * Entry types read lately, by tenant and key, owned by one app instance (entries.module.ts makes
 * one per `routes` call): two apps in one process never answer from each other's copies, and a
 * change made through one app forgets the copy of that app only, as another process's would be.
 * A list then costs no statement for its type, and a create none before its COMMIT (the create's
 * INSERT checks the copy's version itself, create-entry.ts).
 */
export class EntryTypeCache {
  private readonly rows = new Map<string, { row: EntryTypeRow; expires: number }>();

  private static keyOf(tenantId: string, key: string): string {
    return `${tenantId}\u0001${key}`;
  }

  /** The copy of the last KEEP_MS, if any. */
  get(tenantId: string, key: string): EntryTypeRow | undefined {
    const cached = this.rows.get(EntryTypeCache.keyOf(tenantId, key));
    if (cached && cached.expires > Date.now() && cached.row.tenant_id === tenantId) return cached.row;
    return undefined;
  }

  remember(row: EntryTypeRow): void {
    if (this.rows.size >= MAX) this.rows.delete(this.rows.keys().next().value!);
    this.rows.set(EntryTypeCache.keyOf(row.tenant_id, row.key), { row, expires: Date.now() + KEEP_MS });
  }

  /** Drops the copy of a type changed or deleted through this instance. */
  forget(tenantId: string, key: string): void {
    this.rows.delete(EntryTypeCache.keyOf(tenantId, key));
  }
}
