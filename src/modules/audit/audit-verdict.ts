import type { AuditVerdict } from './audit.schema.js';
import type { ChainReport } from './verify-audit-chain.js';

/**
 * The one shape of a verification, shared by `GET /audit/verify` and `tenantbase audit
 * verify --json` so both give the same verdict. Entries that are not tamper-evident yet (the
 * sealer's pending tail and a legacy trail no write has sealed) count as unsealed.
 */
export function toAuditVerdict(report: ChainReport): AuditVerdict {
  const chained = report.head !== null && report.head.hash !== null;
  return {
    ok: report.ok,
    entries: report.entries + report.pending,
    sealed_through: chained ? Number(report.head!.seq) : 0,
    head_hash: chained ? report.head!.hash : null,
    unsealed: report.unsealed + report.pending,
    oldest_unsealed_at: report.oldestPendingAt?.toISOString() ?? null,
    broken: report.broken,
  };
}
