import { AppError } from '../../errors.js';
import type { TenantRecord } from '../../tenancy/registry/tenant-record.js';
import type { Tenancy } from '../../tenancy/tenancy.js';
import type { TenantId } from '../../tenancy/tenant-id.js';
import type { Isolation } from '../../tenancy/tenant-scope.js';
import { DEFAULT_BUSINESS_DOMAIN } from '../../tenancy/product-catalogue.js';
import { isBusinessDomain, ISOLATIONS, TIERS, type Tier } from '../../tenancy/tiers.js';
import { storageKey } from '../../tenancy/migrations/storage-key.js';
import { choosePlacement } from '../tenants/create-tenant.js';
import type { ArchiveManifest } from './archive-format.js';

/** Query parameters of an import that creates its tenant; unset ones come from the archive. */
export interface ImportTargetOptions {
  name?: string;
  tier?: Tier;
  isolation?: Isolation;
  placement?: string;
}

const pick = <T extends string>(allowed: readonly T[], value: string, fallback: T): T =>
  (allowed as readonly string[]).includes(value) ? (value as T) : fallback;

/**
 * Registers the tenant an import creates (its storage is built next, without seeding roles or an
 * owner: the archive brings its own). The tenant stays `provisioning` (step `import`), so it
 * serves no request until the rows are in. CONFLICT, with nothing written, when the id is taken.
 */
export async function registerImportTarget(
  tenancy: Tenancy,
  id: TenantId,
  source: ArchiveManifest['tenant'],
  options: ImportTargetOptions,
): Promise<TenantRecord> {
  const tier = options.tier ?? pick(TIERS, source.tier, 'standard');
  const isolation = options.isolation ?? pick(ISOLATIONS, source.isolation, 'pool');
  const placement = await choosePlacement(tenancy, isolation, options.placement);
  const now = new Date();
  const inserted = await tenancy.platformDb
    .insertInto('platform.tenants')
    .values({
      id,
      name: options.name ?? source.name,
      status: 'provisioning',
      provisioning_step: 'import',
      provisioning_error: null,
      tier,
      isolation,
      placement,
      business_domain: isBusinessDomain(source.business_domain)
        ? source.business_domain
        : DEFAULT_BUSINESS_DOMAIN,
      feature_overrides: JSON.stringify(source.feature_overrides),
      branding: JSON.stringify(source.branding),
      settings: JSON.stringify(source.settings),
      limit_overrides: JSON.stringify(source.limit_overrides),
      created_at: now,
      updated_at: now,
    })
    .onConflict((oc) => oc.column('id').doNothing())
    .returning('id')
    .executeTakeFirst();
  if (!inserted) throw new AppError('CONFLICT', 'A tenant with this id already exists');
  return (await tenancy.registry.load(id))!;
}

/** Undoes registerImportTarget and the storage built for it after a failed import: a refused archive leaves nothing behind. */
export async function discardImportTarget(tenancy: Tenancy, tenant: TenantRecord): Promise<void> {
  await tenancy.destroy(tenant);
  if (tenant.isolation !== 'pool') {
    await tenancy.platformDb
      .deleteFrom('platform.storage_migrations')
      .where('storage', '=', storageKey(tenant))
      .execute();
  }
  await tenancy.platformDb
    .deleteFrom('platform.tenants')
    .where('id', '=', tenant.id)
    .where('status', '=', 'provisioning')
    .execute();
  tenancy.registry.invalidate(tenant.id);
}
