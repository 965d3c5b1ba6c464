import { toAuditVerdict } from '../../modules/audit/audit-verdict.js';
import type { AuditVerdict } from '../../modules/audit/audit.schema.js';
import { type ChainReport, verifyAuditChain } from '../../modules/audit/verify-audit-chain.js';
import type { TenantRecord } from '../../tenancy/registry/tenant-record.js';
import type { Tenancy } from '../../tenancy/tenancy.js';
import { isTenantId } from '../../tenancy/tenant-id.js';
import { type CliIo, CliUsageError, EXIT } from '../cli-io.js';

/** The parsed arguments of `audit verify`. */
export interface VerifyAuditArgs {
  /** Tenant ids to verify; ignored with `all`. */
  tenantIds: string[];
  /** Every tenant that has storage (active or suspended). */
  all: boolean;
  json: boolean;
}

const HAS_STORAGE = ['active', 'suspended'];

async function tenantsToVerify(tenancy: Tenancy, args: VerifyAuditArgs): Promise<TenantRecord[]> {
  const ids = args.all
    ? (
        await tenancy.platformDb
          .selectFrom('platform.tenants')
          .select('id')
          .where('status', 'in', HAS_STORAGE)
          .orderBy('id')
          .execute()
      ).map((row) => row.id)
    : args.tenantIds;
  const tenants: TenantRecord[] = [];
  for (const id of ids) {
    const tenant = isTenantId(id) ? await tenancy.registry.load(id) : undefined;
    if (!tenant || !HAS_STORAGE.includes(tenant.status)) {
      throw new CliUsageError(
        tenant ? `tenant ${id} is ${tenant.status}: it has no audit trail to verify` : `no tenant "${id}"`,
      );
    }
    tenants.push(tenant);
  }
  return tenants;
}

function summarise(tenantId: string, report: ChainReport): string {
  const name = `audit trail of ${tenantId}`;
  if (report.broken) return `${name}: TAMPERED (${report.broken.kind}): ${report.broken.message}`;
  const pending =
    report.pending > 0
      ? `; ${report.pending} newer entries await the sealer (oldest ${report.oldestPendingAt!.toISOString()})`
      : '';
  if (!report.head) return `${name}: intact (empty${pending})`;
  const sealed = report.entries - report.unsealed;
  const legacy =
    report.unsealed > 0
      ? `; ${report.unsealed} entries predate the hash chain, the next write seals them`
      : '';
  return `${name}: intact (${sealed} chained entries; head #${report.head.seq} ${report.head.hash ?? '-'}${legacy}${pending})`;
}

/**
 * `tenantbase audit verify <tenant-id>... | --all [--json]`: walks each trail and reports the
 * first broken link. Exit status 1 when any trail was tampered with, so scripts and cron can alert.
 */
export async function verifyAuditCommand(
  tenancy: Tenancy,
  args: VerifyAuditArgs,
  io: CliIo,
): Promise<number> {
  if (!args.all && args.tenantIds.length === 0) {
    throw new CliUsageError('name a tenant id or pass --all');
  }
  const tenants = await tenantsToVerify(tenancy, args);
  const results: Array<{ tenant_id: string } & AuditVerdict> = [];
  for (const tenant of tenants) {
    const report = await tenancy.withTenant(tenant, (scope) => verifyAuditChain(scope));
    results.push({ tenant_id: tenant.id, ...toAuditVerdict(report) });
    if (!args.json) io.out(summarise(tenant.id, report));
  }
  const ok = results.every((result) => result.ok);
  if (args.json) io.out(JSON.stringify({ ok, tenants: results }, null, 2));
  else if (results.length === 0) io.out('no tenants to verify');
  return ok ? EXIT.ok : EXIT.failed;
}
