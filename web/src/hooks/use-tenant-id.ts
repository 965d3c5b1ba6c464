import { useSession } from '../auth/use-session';
import { useActingTenant } from './use-acting-tenant';

/** The tenant the tenant pages work in: the token's, or the one an administrator acts inside. */
export function useTenantId(): string | null {
  const session = useSession();
  const acting = useActingTenant();
  if (!session) return null;
  return session.tenantId ?? (session.kind === 'platform_admin' ? acting : null);
}
