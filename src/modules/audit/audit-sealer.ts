import { setTimeout as sleep } from 'node:timers/promises';
import type { CommitListener, ScopeTarget, Tenancy } from '../../tenancy/tenancy.js';
import { AUDIT_APPENDED } from './record-audit.js';
import { sealAuditTail, type SealedHead } from './seal-audit-tail.js';

export interface AuditSealerOptions {
  /**
   * How long the committing caller waits for the pass that seals its entry; the pass goes on
   * either way. 0 answers at commit (lowest latency, the entry stays unsealed for the sealing lag).
   */
  waitMs?: number;
  /** How long to keep retrying while another process holds the tenant's chain. */
  busyRetryMs?: number;
  /**
   * Least time between the starts of two back-to-back passes of one tenant: a busy tenant's
   * commits gather into fewer, larger passes (group sealing); an idle tenant's first pass starts at once.
   * When passes themselves take longer (a busy database), the interval stretches to twice the last
   * pass's duration, up to maxPassIntervalMs, so that sealing cost stays per pass, not per write.
   */
  minPassIntervalMs?: number;
  maxPassIntervalMs?: number;
  onSealed?: (tenantId: string, entries: number) => void;
  onError?: (tenantId: string, error: unknown) => void;
}

interface TenantPasses {
  /** The pass that is reading or sealing now. */
  running?: Promise<void>;
  /** performance.now() when the last pass started, and how long it took. */
  startedAt?: number;
  tookMs?: number;
  /** The pass that reads next, once the running one ends; every commit until then shares it. */
  queued?: Promise<void>;
}

const BUSY_PAUSE_MS = 10;
/**
 * Pass intervals when writers wait for their seal (waitMs > 0): short, since every writer's answer
 * waits for the next pass. When nobody waits, passes are spaced wider: a pass costs about as many
 * statements as four writes, so at 1,000 writes/s a 10 ms spacing spends a tenth of the database's
 * work on sealing, and 50 ms a fiftieth, for a sealing lag of tens of ms more.
 */
const WAITED_PASS_INTERVAL_MS = { least: 10, most: 50 };
const UNWAITED_PASS_INTERVAL_MS = { least: 50, most: 250 };
const UNIQUE_VIOLATION = '23505';
/** Tenants whose chain head is remembered; past this the oldest is forgotten (its next pass reads it). */
const HEADS_REMEMBERED = 10_000;

/**
 * Seals each tenant's unsealed audit tail after the commits that appended to it, one pass per
 * tenant at a time in this process. A commit that arrives while a pass runs may be invisible to
 * it, so it waits for the next pass, which all such commits share: sealing cost grows with passes,
 * not with writes, and a tenant's writers never queue behind each other's transactions.
 */
export class AuditSealer {
  private readonly passes = new Map<string, TenantPasses>();
  /**
   * Where each tenant's last pass in this process left the chain: the next pass looks that entry
   * up by its key instead of searching for the highest seq (see seal-audit-tail.ts). Only a hint:
   * one that is no longer the head costs a round trip or a retried pass, never a wrong link.
   */
  private readonly heads = new Map<string, SealedHead>();

  constructor(
    private readonly tenancy: Tenancy,
    private readonly options: AuditSealerOptions = {},
  ) {}

  /** Per pass, the same pass bounded by waitMs: every writer it seals shares one timer. */
  private readonly bounded = new WeakMap<Promise<void>, Promise<void>>();

  /** The listener to register with `tenancy.onCommit`. */
  readonly listener: CommitListener = async (tenant, topics) => {
    if (!topics.has(AUDIT_APPENDED)) return;
    const sealed = this.seal(tenant);
    const waitMs = this.options.waitMs ?? Number.POSITIVE_INFINITY;
    if (waitMs === Number.POSITIVE_INFINITY) return sealed;
    if (waitMs <= 0) return;
    let wait = this.bounded.get(sealed);
    if (!wait) {
      let timer: NodeJS.Timeout | undefined;
      wait = Promise.race([sealed, new Promise<void>((resolve) => (timer = setTimeout(resolve, waitMs)))]);
      void sealed.finally(() => clearTimeout(timer));
      this.bounded.set(sealed, wait);
    }
    return wait;
  };

  /** Resolves once a pass that began after this call has sealed the tenant's tail (never rejects). */
  seal(tenant: ScopeTarget): Promise<void> {
    let state = this.passes.get(tenant.id);
    if (!state) {
      state = {};
      this.passes.set(tenant.id, state);
    }
    // A pass that has not read yet will see this caller's commit: join it.
    if (state.queued) return state.queued;
    const passes = state;
    const defaults = (this.options.waitMs ?? 1) > 0 ? WAITED_PASS_INTERVAL_MS : UNWAITED_PASS_INTERVAL_MS;
    const least = this.options.minPassIntervalMs ?? defaults.least;
    const most = Math.max(least, this.options.maxPassIntervalMs ?? defaults.most);
    const pass: Promise<void> = (passes.running ?? Promise.resolve())
      .then(async () => {
        const interval = Math.min(most, Math.max(least, 2 * (passes.tookMs ?? 0)));
        const early = passes.startedAt === undefined ? 0 : passes.startedAt + interval - performance.now();
        if (early > 0) await sleep(early);
        passes.queued = undefined;
        passes.running = pass;
        passes.startedAt = performance.now();
        await this.sealOnce(tenant);
        passes.tookMs = performance.now() - passes.startedAt;
      })
      .finally(() => {
        if (passes.running === pass) passes.running = undefined;
        if (!passes.running && !passes.queued && this.passes.get(tenant.id) === passes)
          this.passes.delete(tenant.id);
      });
    passes.queued = pass;
    return pass;
  }

  private async sealOnce(tenant: ScopeTarget): Promise<void> {
    const giveUpAt = performance.now() + (this.options.busyRetryMs ?? 2000);
    try {
      for (;;) {
        const expected = this.heads.get(tenant.id);
        this.heads.delete(tenant.id); // put back only by a pass that committed
        const outcome = await this.tenancy
          .withTenant(tenant, (scope) => sealAuditTail(scope, expected), 'write', { lane: 'audit-sealer' })
          .catch((error: unknown) => {
            // Another process sealed the same positions first: the unique seq index refused the fork.
            if ((error as { code?: string }).code === UNIQUE_VIOLATION) return null;
            throw error;
          });
        if (outcome !== null) {
          const head = outcome.head ?? expected;
          if (head) this.rememberHead(tenant.id, head);
          if (outcome.sealed > 0) this.options.onSealed?.(tenant.id, outcome.sealed);
          return;
        }
        // Another process is sealing; its pass may have read before our commit, so ours must run.
        if (performance.now() > giveUpAt) throw new Error('the audit chain stayed locked by another sealer');
        await sleep(BUSY_PAUSE_MS);
      }
    } catch (error) {
      this.options.onError?.(tenant.id, error);
    }
  }

  private rememberHead(tenantId: string, head: SealedHead): void {
    if (this.heads.size >= HEADS_REMEMBERED) {
      const oldest = this.heads.keys().next();
      if (!oldest.done) this.heads.delete(oldest.value);
    }
    this.heads.set(tenantId, head);
  }
}
