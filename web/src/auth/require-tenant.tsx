import { Outlet } from 'react-router';
import { EmptyState } from '../components/empty-state';
import { useTenantId } from '../hooks/use-tenant-id';

/** Tenant pages need a tenant: a platform administrator chooses one with the header selector. */
export function RequireTenant() {
  const tenantId = useTenantId();
  if (!tenantId) {
    return (
      <EmptyState title="Choose a tenant to act inside it">
        <p>
          These pages show one tenant&apos;s data. Pick a tenant with the <strong>Act inside tenant</strong>{' '}
          selector in the header; every action you take there is recorded in that tenant&apos;s audit trail.
        </p>
      </EmptyState>
    );
  }
  return <Outlet />;
}
