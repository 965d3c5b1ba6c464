import { Navigate } from 'react-router';
import { useSession } from '../auth/use-session';
import { useTenantId } from '../hooks/use-tenant-id';

/** `/` opens the tenant's overview, or the platform console for an administrator outside tenants. */
export function HomeRedirect() {
  const session = useSession();
  const tenantId = useTenantId();
  if (session?.kind === 'platform_admin' && !tenantId) return <Navigate to="/console/tenants" replace />;
  return <Navigate to="/overview" replace />;
}
