import { type Kysely, sql } from 'kysely';
import type { PlatformDatabase } from '../db/platform-database.js';

declare module '../db/platform-database.js' {
  interface PlatformDatabase {
    /**
     * A tenant whose old storage is fenced for a move (created by the tenant-move module's platform
     * migration 0024). `thawed` turns true at the cutover: writes go on, to the new storage.
     */
    'platform.tenant_write_freezes': {
      tenant_id: string;
      move_id: string;
      source_isolation: string;
      thawed: boolean;
      created_at: Date;
    };
  }
}

/** How often a process re-reads which tenants are frozen (the database fence covers the gap). */
export const FREEZE_POLL_MS = 250;

/**
 * Which tenants are frozen for a move, as this process last read it. Read from the platform
 * database every FREEZE_POLL_MS; a write scope consults it without a query of its own. A process
 * that has not caught up yet cannot write to the old storage anyway: the move fences it in the
 * database (see src/modules/tenant-move/storage-fence.ts).
 */
export class TenantWriteFreezes {
  private frozen = new Set<string>();
  private timer: NodeJS.Timeout | undefined;
  private refreshing: Promise<void> | undefined;

  constructor(private readonly db: Kysely<PlatformDatabase>) {}

  /** Starts polling (idempotent); the timer never keeps the process alive. */
  start(): void {
    if (this.timer) return;
    this.timer = setInterval(() => void this.refresh(), FREEZE_POLL_MS);
    this.timer.unref();
    void this.refresh();
  }

  stop(): void {
    clearInterval(this.timer);
    this.timer = undefined;
  }

  isFrozen(tenantId: string): boolean {
    return this.frozen.has(tenantId);
  }

  /** Re-reads the frozen tenants now; a missing table (before migrations) reads as none. */
  refresh(): Promise<void> {
    this.refreshing ??= sql<{ tenant_id: string }>`
      select tenant_id from platform.tenant_write_freezes where not thawed`
      .execute(this.db)
      .then((result) => {
        this.frozen = new Set(result.rows.map((row) => row.tenant_id));
      })
      .catch(() => undefined)
      .finally(() => {
        this.refreshing = undefined;
      });
    return this.refreshing;
  }

  /** Waits until the tenant is no longer frozen or `timeoutMs` passes; true when it thawed. */
  async waitUntilThawed(tenantId: string, timeoutMs: number): Promise<boolean> {
    const deadline = Date.now() + timeoutMs;
    while (this.frozen.has(tenantId)) {
      if (Date.now() >= deadline) return false;
      await new Promise((resolve) => setTimeout(resolve, Math.min(50, deadline - Date.now())));
      await this.refresh();
    }
    return true;
  }
}
