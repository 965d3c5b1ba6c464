import { openTenant, refusalError } from '../../tenancy/open-tenant.js';
import { AppError } from '../../errors.js';
import type { AppServices } from '../../app/app-services.js';
import type { Principal } from '../../identity/access-tokens.js';
import { parseApiKey } from './api-key-secret.js';
import { authenticateApiKey } from './authenticate-api-key.js';

const rejected = () => new AppError('UNAUTHENTICATED', 'The API key is invalid or revoked');

/**
 * Turns `Authorization: Bearer tbk.<tenant>.<id>.<secret>` into a principal of that tenant.
 * The key resolves its tenant like a token's claim: naming another tenant is then a mismatch.
 */
export async function apiKeyPrincipal(services: AppServices, token: string): Promise<Principal> {
  const key = parseApiKey(token);
  if (!key) throw rejected();
  // A suspended tenant's key says so (403); a key of a tenant that is gone or not ready is just refused.
  const tenant = await openTenant(services.tenancy.registry, key.tenantId, 'request', {
    refuse: (refusal) => (refusal === 'TENANT_SUSPENDED' ? refusalError(refusal) : rejected()),
  });
  const found = await services.tenancy.withTenant(tenant, (scope) => authenticateApiKey(scope, key));
  if (!found) throw rejected();
  return { kind: 'api_key', id: found.id, tenantId: tenant.id, roles: [], permissions: found.permissions };
}
