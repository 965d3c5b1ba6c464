import { sql, type Transaction } from 'kysely';
import type { PlatformDatabase } from '../../db/platform-database.js';
import { AppError } from '../../errors.js';
import { hashPassword } from '../../identity/passwords.js';
import type { TenantRecord } from '../../tenancy/registry/tenant-record.js';
import type { Tenancy } from '../../tenancy/tenancy.js';
import { parseTenantId } from '../../tenancy/tenant-id.js';
import type { Isolation } from '../../tenancy/tenant-scope.js';
import { type Tier, tierDefaults } from '../../tenancy/tiers.js';
import { recordPlatformAudit } from '../audit/record-platform-audit.js';
import { JobQueue } from '../../jobs/job-queue.js';
import { businessDomainProblem } from './check-business-domain.js';
import { enqueueProvisioning } from './provision-tenant-job.js';
import type { CreateTenantBody } from './tenants.schema.js';

/** The placement server with the fewest database tenants, unless the administrator chose one. */
export async function choosePlacement(
  tenancy: Tenancy,
  isolation: Isolation,
  requested: string | undefined,
): Promise<string> {
  if (requested !== undefined) {
    if (!tenancy.placements.includes(requested)) {
      throw new AppError('VALIDATION_FAILED', 'The request is invalid', {
        details: [{ path: 'placement', message: `expected one of ${tenancy.placements.join(', ')}` }],
      });
    }
    return requested;
  }
  if (isolation !== 'database' || tenancy.placements.length === 1) return 'default';
  const counts = await tenancy.platformDb
    .selectFrom('platform.tenants')
    .select(['placement', sql<string>`count(*)`.as('n')])
    .where('isolation', '=', 'database')
    .where('status', '<>', 'deleted')
    .groupBy('placement')
    .execute();
  const load = new Map(counts.map((row) => [row.placement, Number(row.n)]));
  return [...tenancy.placements].sort((a, b) => (load.get(a) ?? 0) - (load.get(b) ?? 0))[0]!;
}

/**
 * Registers a tenant and queues its provisioning in the same transaction, so a tenant is never
 * registered without the job that completes it. Answers with the `provisioning` record (202).
 * `within` runs in that transaction too (an approved demo request, a verified signup commit with
 * their tenant).
 */
export async function createTenant(
  tenancy: Tenancy,
  input: CreateTenantBody,
  options: {
    within?: (trx: Transaction<PlatformDatabase>) => Promise<void>;
    /** The first owner's argon2id hash, made earlier (a verified signup); wins over `admin_password`. */
    ownerPasswordHash?: string;
    /** The first owner's address is proven already (a verified signup). */
    ownerEmailVerified?: boolean;
  } = {},
): Promise<TenantRecord> {
  const id = parseTenantId(input.id, 'id');
  const domainProblem = businessDomainProblem(input.business_domain);
  if (domainProblem.length > 0)
    throw new AppError('VALIDATION_FAILED', 'The request is invalid', { details: domainProblem });
  const tier = (input.tier ?? 'standard') as Tier;
  const isolation = (input.isolation as Isolation | undefined) ?? tierDefaults[tier].isolation;
  const placement = await choosePlacement(tenancy, isolation, input.placement);
  const passwordHash =
    options.ownerPasswordHash ?? (input.admin_password ? await hashPassword(input.admin_password) : null);
  const now = new Date();
  const inserted = await tenancy.platformDb.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto('platform.tenants')
      .values({
        id,
        name: input.name,
        status: 'provisioning',
        provisioning_step: 'queued',
        provisioning_error: null,
        tier,
        isolation,
        placement,
        business_domain: input.business_domain ?? 'default',
        feature_overrides: '{}',
        branding: JSON.stringify({ company_name: input.name, primary_color: null, logo_url: null }),
        settings: '{}',
        limit_overrides: '{}',
        created_at: now,
        updated_at: now,
      })
      .onConflict((oc) => oc.column('id').doNothing())
      .returning('id')
      .executeTakeFirst();
    if (!row) return undefined;
    await enqueueProvisioning(new JobQueue(trx), id, {
      email: input.admin_email,
      passwordHash,
      emailVerified: options.ownerEmailVerified === true,
    });
    await recordPlatformAudit(trx, {
      action: 'tenant.create',
      targetType: 'tenant',
      targetId: id,
      tenantId: id,
      details: { tier, isolation, placement },
    });
    await options.within?.(trx);
    return row;
  });
  if (!inserted)
    throw new AppError('CONFLICT', 'A tenant with this id already exists', {
      details: [{ path: 'id', message: 'is taken by another tenant' }],
    });
  return (await tenancy.registry.load(id))!;
}
