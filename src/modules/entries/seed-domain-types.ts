import type { TenantScope } from '../../tenancy/tenant-scope.js';
import { recordAudit } from '../audit/record-audit.js';
import { DOMAIN_PRESETS } from './domain-presets.js';

/**
 * Gives the tenant its business domain's preset types once per domain: the marker row makes it
 * idempotent and keeps a preset the tenant deleted from coming back. A domain change adds the new
 * domain's types and removes nothing; a type key the tenant already uses is left as it is.
 */
export async function seedDomainTypes(scope: TenantScope, domain: string): Promise<void> {
  const presets = DOMAIN_PRESETS[domain];
  if (!presets) return;
  const now = new Date();
  const marked = await scope.db
    .insertInto('entry_domain_seeds')
    .values({ tenant_id: scope.tenantId, domain, seeded_at: now })
    .onConflict((oc) => oc.columns(['tenant_id', 'domain']).doNothing())
    .returning('domain')
    .executeTakeFirst();
  if (!marked) return;
  const added = await scope.db
    .insertInto('entry_types')
    .values(
      presets.map((preset) => ({
        tenant_id: scope.tenantId,
        key: preset.key,
        name: preset.name,
        schema: JSON.stringify(preset.schema),
        feature: preset.feature,
        created_at: now,
        updated_at: now,
      })),
    )
    .onConflict((oc) => oc.columns(['tenant_id', 'key']).doNothing())
    .returning('key')
    .execute();
  await recordAudit(scope, {
    action: 'entry_type.seed',
    targetType: 'business_domain',
    targetId: domain,
    after: { types: added.map((row) => row.key) },
  });
}
