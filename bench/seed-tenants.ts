import { randomUUID } from 'node:crypto';
import { v7 as uuidv7 } from 'uuid';
import type { AppServices } from '../src/app/app-services.js';
import { DEPLOYMENT_STATUSES } from '../src/modules/deployments/deployments.tables.js';
import { createTenant } from '../src/modules/tenants/create-tenant.js';
import type { TenantRecord } from '../src/tenancy/registry/tenant-record.js';
import type { TenantId } from '../src/tenancy/tenant-id.js';
import type { Isolation } from '../src/tenancy/tenant-scope.js';

/** A ready tenant and a bearer token of its owner. */
export interface SeededTenant {
  id: TenantId;
  isolation: Isolation;
  token: string;
}

export interface SeedRequest {
  id: string;
  isolation: Isolation;
  deployments: number;
}

/** Waits for the provisioning job (storage, migrations, roles, first owner) to finish. */
export async function untilProvisioned(services: AppServices, id: TenantId): Promise<TenantRecord> {
  const deadline = performance.now() + 300_000;
  for (;;) {
    const record = await services.tenancy.registry.load(id);
    if (record?.status === 'active') return record;
    if (record?.status !== 'provisioning' || performance.now() > deadline) {
      const reason = record?.provisioning_error ?? 'no reason given';
      throw new Error(`tenant ${id} is ${record?.status ?? 'gone'} (${reason})`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/**
 * Creates an enterprise-tier tenant in `isolation` through the product's own use case and job
 * (storage, migrations, roles, first owner as an invitation so no argon2 runs), lifts its API rate limit
 * (SPEC §7: limits must not distort benchmarks), inserts `deployments` rows and mints a token.
 */
export async function seedTenant(services: AppServices, request: SeedRequest): Promise<SeededTenant> {
  const { tenancy } = services;
  const created = await createTenant(tenancy, {
    id: request.id,
    name: request.id,
    tier: 'enterprise',
    isolation: request.isolation,
    admin_email: `owner@${request.id}.bench`,
  });
  const record = await untilProvisioned(services, created.id);
  await tenancy.platformDb
    .updateTable('platform.tenants')
    .set({ limit_overrides: JSON.stringify({ api_per_minute: null }) })
    .where('id', '=', record.id)
    .execute();
  tenancy.registry.invalidate(record.id);

  const start = Date.now() - request.deployments * 1000;
  await tenancy.withTenant(record, async (scope) => {
    for (let offset = 0; offset < request.deployments; offset += 500) {
      const rows = [];
      for (let i = offset; i < Math.min(offset + 500, request.deployments); i++) {
        const at = new Date(start + i * 1000);
        rows.push({
          tenant_id: scope.tenantId,
          id: uuidv7(),
          project_name: `project-${String(i).padStart(5, '0')}`,
          status: DEPLOYMENT_STATUSES[i % DEPLOYMENT_STATUSES.length]!,
          url: `https://${request.id}.example.com/p/${i}`,
          created_at: at,
          updated_at: at,
        });
      }
      await scope.db.insertInto('deployments').values(rows).execute();
    }
  });
  // Measure plans on real statistics, as in production, not on guesses before autovacuum's first pass.
  await tenancy.analyze(record);
  const token = await services.tokens.issue({
    kind: 'tenant_user',
    id: randomUUID(),
    tenantId: record.id,
    roles: ['owner'],
  });
  return { id: record.id, isolation: request.isolation, token };
}

/** Seeds `requests` with at most `concurrency` at a time, reporting progress; keeps input order. */
export async function seedTenants(
  services: AppServices,
  requests: SeedRequest[],
  concurrency: number,
  progress: (done: number, total: number) => void,
): Promise<SeededTenant[]> {
  const results: SeededTenant[] = new Array(requests.length);
  let next = 0;
  let done = 0;
  const worker = async () => {
    while (next < requests.length) {
      const index = next++;
      results[index] = await seedTenant(services, requests[index]!);
      progress(++done, requests.length);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, requests.length) }, worker));
  return results;
}
