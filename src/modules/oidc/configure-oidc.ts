import { AppError } from '../../errors.js';
import type { OutboundPolicy } from '../../outbound/outbound-policy.js';
import type { Tenancy } from '../../tenancy/tenancy.js';
import type { TenantId } from '../../tenancy/tenant-id.js';
import { recordPlatformAudit } from '../audit/record-platform-audit.js';
import { checkProviderUrl } from './check-provider-url.js';
import { toOidcConfig } from './oidc-config-view.js';
import { oidcIssuersOf } from './oidc-issuers.js';
import type { OidcConfig, OidcConfigBody } from './oidc.schema.js';

/** Every role the configuration hands out must be one of the tenant's roles today. */
async function checkRoles(tenancy: Tenancy, id: TenantId, input: OidcConfigBody): Promise<void> {
  const tenant = await tenancy.registry.find(id);
  if (!tenant || tenant.status === 'deleted' || tenant.status === 'deleting') {
    throw new AppError('TENANT_NOT_FOUND', 'No such tenant');
  }
  const wanted = [
    ...Object.entries(input.role_mapping ?? {}).map(([external, role]) => ({
      path: `role_mapping.${external}`,
      role,
    })),
    ...(input.default_role ? [{ path: 'default_role', role: input.default_role }] : []),
  ];
  if (wanted.length === 0) return;
  const rows = await tenancy.withTenant(tenant, (scope) =>
    scope.db
      .selectFrom('roles')
      .select('name')
      .where('tenant_id', '=', scope.tenantId)
      .where('name', 'in', [...new Set(wanted.map((w) => w.role))])
      .execute(),
  );
  const missing = wanted.filter((w) => !rows.some((row) => row.name === w.role));
  if (missing.length > 0) {
    throw new AppError('VALIDATION_FAILED', 'The request is invalid', {
      details: missing.map((m) => ({ path: m.path, message: `there is no role named "${m.role}"` })),
    });
  }
}

const isIssuerTaken = (error: unknown) =>
  (error as { code?: string }).code === '23505' &&
  (error as { constraint?: string }).constraint === 'oidc_providers_issuer_key';

/**
 * Sets (replaces) the tenant's identity provider. An issuer already serving another tenant is a
 * CONFLICT that names neither it nor that tenant. The change and its platform audit entry commit
 * together; this process forgets the old and new issuer at once.
 */
export async function configureOidc(
  tenancy: Tenancy,
  id: TenantId,
  input: OidcConfigBody,
  policy: OutboundPolicy,
): Promise<OidcConfig> {
  await checkProviderUrl(input.issuer, 'issuer', { issuer: true, policy });
  await checkProviderUrl(input.jwks_url, 'jwks_url', { issuer: false, policy });
  await checkRoles(tenancy, id, input);
  const values = {
    issuer: input.issuer,
    jwks_url: input.jwks_url,
    audience: input.audience,
    tenant_claim: input.tenant_claim ?? null,
    tenant_claim_value: input.tenant_claim_value ?? null,
    roles_claim: input.roles_claim ?? null,
    role_mapping: JSON.stringify(input.role_mapping ?? {}),
    default_role: input.default_role ?? null,
    enabled: input.enabled,
    updated_at: new Date(),
  };
  const { before, after } = await tenancy.platformDb
    .transaction()
    .execute(async (trx) => {
      const before = await trx
        .selectFrom('platform.oidc_providers')
        .selectAll()
        .where('tenant_id', '=', id)
        .forUpdate()
        .executeTakeFirst();
      const after = await trx
        .insertInto('platform.oidc_providers')
        .values({ tenant_id: id, created_at: values.updated_at, ...values })
        .onConflict((oc) => oc.column('tenant_id').doUpdateSet(values))
        .returningAll()
        .executeTakeFirstOrThrow();
      await recordPlatformAudit(trx, {
        action: 'tenant.oidc.configure',
        targetType: 'tenant',
        targetId: id,
        tenantId: id,
        details: { before: before ? toOidcConfig(before) : null, after: toOidcConfig(after) },
      });
      return { before, after };
    })
    .catch((error: unknown) => {
      if (isIssuerTaken(error)) {
        throw new AppError('CONFLICT', 'This issuer is already the identity provider of another tenant');
      }
      throw error;
    });
  const issuers = oidcIssuersOf(tenancy, policy);
  if (before) issuers.invalidate(before.issuer);
  issuers.invalidate(after.issuer);
  return toOidcConfig(after);
}
