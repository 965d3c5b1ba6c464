import type { ChainBody } from './audit-hash.js';

/** Entries remembered at once; past this the oldest are forgotten (their sealer reads them instead). */
const LIMIT = 50_000;

/**
 * Canonical bodies of the entries this process committed and has not sealed yet, by tenant and
 * entry id, so that its sealer hashes them without reading and re-canonicalising their before/after
 * (see seal-audit-tail.ts). Filled only after the writer's commit (never for a rolled-back entry);
 * an entry missing here (written by another process, sealed by the sweep, forgotten) is read from
 * storage instead, so this only ever saves work. The hash still covers the stored values: verify
 * recomputes it from what the table holds, so a body that differed from the stored row would show
 * as an edited entry, never hide one.
 */
const bodies = new Map<string, ChainBody>();

const key = (tenantId: string, id: string) => `${tenantId}\u0000${id}`;

export function rememberCommitted(tenantId: string, id: string, body: ChainBody): void {
  if (bodies.size >= LIMIT) {
    // Maps iterate in insertion order: drop the oldest tenth.
    let drop = LIMIT / 10;
    for (const oldest of bodies.keys()) {
      bodies.delete(oldest);
      if (--drop === 0) break;
    }
  }
  bodies.set(key(tenantId, id), body);
}

/** The entry's body if this process committed it, forgotten once taken. */
export function takeCommitted(tenantId: string, id: string): ChainBody | undefined {
  const k = key(tenantId, id);
  const body = bodies.get(k);
  if (body) bodies.delete(k);
  return body;
}
