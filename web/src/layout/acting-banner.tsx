import { useNavigate } from 'react-router';
import { actingTenantStore } from '../api/acting-tenant-store';

/** The unmistakable sign that a platform administrator is working inside someone else's tenant. */
export function ActingBanner({ tenantId }: { tenantId: string }) {
  const navigate = useNavigate();
  return (
    <section className="acting-banner" aria-label="Acting inside a tenant">
      <p>
        <strong>Acting inside tenant {tenantId}</strong> as a platform administrator. Everything you do here
        is recorded in this tenant&apos;s audit trail.
      </p>
      <button
        type="button"
        className="button button-on-banner"
        onClick={() => {
          actingTenantStore.set(null);
          navigate('/console/tenants');
        }}
      >
        Leave tenant
      </button>
    </section>
  );
}
