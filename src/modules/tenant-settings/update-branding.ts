import { sql } from 'kysely';
import { AppError } from '../../errors.js';
import type { Tenancy } from '../../tenancy/tenancy.js';
import type { TenantId } from '../../tenancy/tenant-id.js';
import { recordPlatformAudit } from '../audit/record-platform-audit.js';
import { toBranding } from './branding-view.js';
import type { Branding, UpdateBrandingBody } from './tenant-settings.schema.js';

/** The schema checks the scheme; this refuses what `format: uri` lets through (no host, credentials). */
function checkLogoUrl(raw: string): void {
  let url: URL | undefined;
  try {
    url = new URL(raw);
  } catch {
    url = undefined;
  }
  if (!url || url.protocol !== 'https:' || !url.hostname || url.username || url.password) {
    throw new AppError('VALIDATION_FAILED', 'The request is invalid', {
      details: [{ path: 'logo_url', message: 'must be an https:// URL with a host and no credentials' }],
    });
  }
}

/**
 * Changes the tenant's branding (merge: null clears a colour or logo). Colours are kept as
 * lowercase `#rrggbb`; the change and its platform audit entry (before and after) commit together.
 */
export async function updateBranding(
  tenancy: Tenancy,
  id: TenantId,
  input: UpdateBrandingBody,
): Promise<Branding> {
  if (input.logo_url) checkLogoUrl(input.logo_url);
  await tenancy.platformDb.transaction().execute(async (trx) => {
    const row = await trx
      .selectFrom('platform.tenants')
      .select(['name', 'status', 'branding'])
      .where('id', '=', id)
      .forUpdate()
      .executeTakeFirst();
    if (!row || row.status === 'deleted') throw new AppError('TENANT_NOT_FOUND', 'No such tenant');
    const before = row.branding;
    const after: Record<string, string | null> = { ...before };
    if (input.company_name !== undefined) after.company_name = input.company_name;
    if (input.primary_color !== undefined) after.primary_color = input.primary_color?.toLowerCase() ?? null;
    if (input.logo_url !== undefined) after.logo_url = input.logo_url;
    if (JSON.stringify(after) === JSON.stringify(before)) return;
    await trx
      .updateTable('platform.tenants')
      .set({ branding: JSON.stringify(after), updated_at: sql<Date>`now()` })
      .where('id', '=', id)
      .execute();
    await recordPlatformAudit(trx, {
      action: 'tenant.branding.update',
      targetType: 'tenant',
      targetId: id,
      tenantId: id,
      details: { before, after },
    });
  });
  tenancy.registry.invalidate(id);
  const tenant = await tenancy.registry.load(id);
  if (!tenant) throw new AppError('TENANT_NOT_FOUND', 'No such tenant');
  return toBranding(tenant);
}
