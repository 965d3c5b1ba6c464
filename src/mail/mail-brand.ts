import type { Kysely } from 'kysely';
import type { PlatformDatabase } from '../db/platform-database.js';

/** Who a mail speaks for: the tenant's branding (seed 001), or the platform's own. */
export interface MailBrand {
  name: string;
  /** `#rrggbb` only; anything else is dropped, it lands in a style attribute. */
  color: string | null;
  /** https only; anything else is dropped, it lands in an img src. */
  logoUrl: string | null;
}

export const PLATFORM_BRAND: MailBrand = { name: 'Tenantbase', color: null, logoUrl: null };

const COLOR = /^#[0-9a-fA-F]{6}$/;

/** A brand with every value checked for where it goes in the HTML. */
export function safeBrand(brand: Partial<MailBrand> & { name: string }): MailBrand {
  const color = brand.color && COLOR.test(brand.color) ? brand.color : null;
  let logoUrl: string | null = null;
  if (brand.logoUrl) {
    try {
      if (new URL(brand.logoUrl).protocol === 'https:') logoUrl = brand.logoUrl;
    } catch {
      // Not a URL: no logo.
    }
  }
  return { name: brand.name, color, logoUrl };
}

/**
 * The tenant's brand from the registry, read through `db` (the caller's platform transaction,
 * or the pool after a tenant transaction committed): never a second connection inside one.
 */
export async function loadMailBrand(
  db: Kysely<PlatformDatabase>,
  tenantId: string | null,
): Promise<MailBrand> {
  if (!tenantId) return PLATFORM_BRAND;
  const row = await db
    .selectFrom('platform.tenants')
    .select(['name', 'branding'])
    .where('id', '=', tenantId)
    .executeTakeFirst();
  if (!row) return PLATFORM_BRAND;
  const branding = row.branding ?? {};
  return safeBrand({
    name: branding.company_name || row.name,
    color: branding.primary_color ?? null,
    logoUrl: branding.logo_url ?? null,
  });
}
