import { sql, type Transaction } from 'kysely';
import type { PlatformDatabase } from '../../db/platform-database.js';
import { AppError, type ErrorDetail } from '../../errors.js';
import { fieldPath } from '../../protection/json-pointer-path.js';
import { type TenantRecord, toTenantRecord } from '../../tenancy/registry/tenant-record.js';
import type { Tenancy } from '../../tenancy/tenancy.js';
import type { TenantId } from '../../tenancy/tenant-id.js';
import { recordPlatformAudit } from '../audit/record-platform-audit.js';
import { checkHostnames } from '../tenant-settings/check-hostnames.js';
import type { SettingsCatalogue } from '../tenant-settings/feature-catalogue.js';
import type { UpdateTenantBody } from '../tenant-settings/tenant-settings.schema.js';
import { actionTo, recordStatusChange, statusChanges } from './change-tenant-status.js';
import { businessDomainProblem } from './check-business-domain.js';
import { deriveFeatureOverrides } from './derive-feature-overrides.js';

/** Fields only platform administrators may change: they decide what the tenant pays for and where it is reached. */
export const PLATFORM_ONLY_FIELDS = [
  'tier',
  'status',
  'business_domain',
  'features',
  'feature_overrides',
  'limit_overrides',
  'hostnames',
] as const;

export interface UpdateTenantOptions {
  platformAdmin: boolean;
  catalogue: SettingsCatalogue;
  baseDomain: string | undefined;
}

/** RFC 7396 merge of one level: null removes a key, anything else sets it. */
function merge<T>(base: Record<string, T>, patch: Record<string, T | null>): Record<string, T> {
  const result = { ...base };
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete result[key];
    else result[key] = value;
  }
  return result;
}

function validate(input: UpdateTenantBody, options: UpdateTenantOptions): void {
  const forbidden = PLATFORM_ONLY_FIELDS.filter((field) => input[field] !== undefined);
  if (!options.platformAdmin && forbidden.length > 0) {
    throw new AppError('FORBIDDEN', `Only platform administrators may change ${forbidden.join(', ')}`);
  }
  const details: ErrorDetail[] = [];
  if (input.features !== undefined && input.feature_overrides !== undefined) {
    details.push({ path: 'features', message: 'cannot be sent with feature_overrides: send one of them' });
  }
  (input.features ?? []).forEach((key, index) => {
    if (!options.catalogue.features.has(key))
      details.push({ path: fieldPath('features', index), message: 'is not a known feature' });
  });
  for (const key of Object.keys(input.feature_overrides ?? {})) {
    if (!options.catalogue.features.has(key))
      details.push({ path: fieldPath('feature_overrides', key), message: 'is not a known feature' });
  }
  for (const key of Object.keys(input.limit_overrides?.creates_per_hour ?? {})) {
    if (!options.catalogue.quotaResources.has(key))
      details.push({
        path: fieldPath('limit_overrides', 'creates_per_hour', key),
        message: 'is not a known resource',
      });
  }
  details.push(...businessDomainProblem(input.business_domain));
  details.push(...checkHostnames(input.hostnames ?? [], options.baseDomain));
  if (details.length > 0) throw new AppError('VALIDATION_FAILED', 'The request is invalid', { details });
}

/** Replaces the tenant's host names; one already held by another tenant is a conflict (nothing named about it). */
async function replaceHostnames(trx: Transaction<PlatformDatabase>, id: TenantId, hosts: string[]) {
  let removed = trx.deleteFrom('platform.tenant_hostnames').where('tenant_id', '=', id);
  if (hosts.length > 0) removed = removed.where('hostname', 'not in', hosts);
  await removed.execute();
  if (hosts.length === 0) return;
  await trx
    .insertInto('platform.tenant_hostnames')
    .values(hosts.map((hostname) => ({ hostname, tenant_id: id })))
    .onConflict((oc) => oc.column('hostname').doNothing())
    .execute();
  const taken = await trx
    .selectFrom('platform.tenant_hostnames')
    .select('hostname')
    .where('hostname', 'in', hosts)
    .where('tenant_id', '<>', id)
    .execute();
  if (taken.length > 0) {
    throw new AppError('CONFLICT', `Host name already in use: ${taken.map((t) => t.hostname).join(', ')}`);
  }
}

/**
 * Changes a tenant's registry record (PATCH /tenants/{id}). A tier change changes limits only,
 * never isolation or placement: data stays where it is. A status change is the lifecycle's
 * suspend or resume, refused (409) from any other status and audited as those are. One
 * transaction with the platform audit entries (before and after of what changed), so a refused
 * status change applies none of the rest; this process's registry cache is dropped after it.
 */
export async function updateTenant(
  tenancy: Tenancy,
  id: TenantId,
  input: UpdateTenantBody,
  options: UpdateTenantOptions,
): Promise<TenantRecord> {
  validate(input, options);
  const domainChanged = await tenancy.platformDb.transaction().execute(async (trx) => {
    const row = await trx
      .selectFrom('platform.tenants')
      .selectAll()
      .where('id', '=', id)
      .forUpdate()
      .executeTakeFirst();
    if (!row || row.status === 'deleted') throw new AppError('TENANT_NOT_FOUND', 'No such tenant');
    if (row.status === 'deleting') throw new AppError('CONFLICT', 'This tenant is being deleted');
    const hosts = await trx
      .selectFrom('platform.tenant_hostnames')
      .select('hostname')
      .where('tenant_id', '=', id)
      .orderBy('hostname')
      .execute();
    const before = toTenantRecord(
      row,
      hosts.map((h) => h.hostname),
    );
    const statusAction = input.status === undefined ? undefined : actionTo(input.status);
    const statusChanged = statusAction !== undefined && statusChanges(statusAction, before.status);
    const tier = input.tier ?? before.tier;
    const businessDomain = input.business_domain ?? before.business_domain;
    const after = {
      name: input.name ?? before.name,
      settings: input.settings ? merge(before.settings, input.settings) : before.settings,
      tier,
      business_domain: businessDomain,
      feature_overrides: input.features
        ? deriveFeatureOverrides(input.features, tier, businessDomain)
        : input.feature_overrides
          ? merge(before.feature_overrides, input.feature_overrides)
          : before.feature_overrides,
      limit_overrides: input.limit_overrides ?? before.limit_overrides,
      hostnames: input.hostnames ? [...input.hostnames].sort() : before.hostnames,
    };
    if (Object.keys(after.settings).length > 50) {
      throw new AppError('VALIDATION_FAILED', 'The request is invalid', {
        details: [{ path: 'settings', message: 'holds at most 50 keys' }],
      });
    }
    const changed = (Object.keys(after) as Array<keyof typeof after>).filter(
      (key) => JSON.stringify(after[key]) !== JSON.stringify(before[key]),
    );
    if (changed.length === 0 && !statusChanged) return false;
    await trx
      .updateTable('platform.tenants')
      .set({
        ...(statusChanged ? { status: input.status } : {}),
        name: after.name,
        settings: JSON.stringify(after.settings),
        tier: after.tier,
        business_domain: after.business_domain,
        feature_overrides: JSON.stringify(after.feature_overrides),
        limit_overrides: JSON.stringify(after.limit_overrides),
        updated_at: sql<Date>`now()`,
      })
      .where('id', '=', id)
      .execute();
    if (changed.includes('hostnames')) await replaceHostnames(trx, id, after.hostnames);
    if (changed.length > 0) {
      await recordPlatformAudit(trx, {
        action: 'tenant.update',
        targetType: 'tenant',
        targetId: id,
        tenantId: id,
        details: {
          before: Object.fromEntries(changed.map((key) => [key, before[key]])),
          after: Object.fromEntries(changed.map((key) => [key, after[key]])),
        },
      });
    }
    if (statusChanged) await recordStatusChange(trx, id, statusAction);
    return changed.includes('business_domain');
  });
  tenancy.registry.invalidate(id);
  const tenant = await tenancy.registry.load(id);
  if (!tenant) throw new AppError('TENANT_NOT_FOUND', 'No such tenant');
  // After the commit, not inside it (no transaction waits on another connection). The change is
  // done either way: a seed that fails here (a tenant mid-move) is redone before the tenant's
  // next entries request, so it must not turn a committed change into an error.
  if (domainChanged && tenant.status !== 'provisioning') await tenancy.seed(tenant).catch(() => undefined);
  return tenant;
}
