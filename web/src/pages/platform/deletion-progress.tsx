import { useState } from 'react';
import { Link } from 'react-router';
import { api } from '../../api/api-client';
import { isApiError } from '../../api/api-error';
import type { Tenant } from '../../api/types';
import { ErrorPanel } from '../../components/error-panel';
import { useInterval } from '../../hooks/use-interval';
import { announceTenantsChanged } from '../../layout/tenants-changed';

/** Watches a deletion job (DELETE answered 202) until the tenant is gone. */
export function DeletionProgress({ tenant, onGone }: { tenant: Tenant; onGone: () => void }) {
  const [gone, setGone] = useState(tenant.status === 'deleted');
  const [error, setError] = useState<unknown>(null);
  useInterval(
    () => {
      api<Tenant>(`/tenants/${encodeURIComponent(tenant.id)}`, { tenant: null }).then(
        ({ data }) => {
          if (data.status === 'deleted') {
            setGone(true);
            onGone();
          }
        },
        (caught: unknown) => {
          if (isApiError(caught) && caught.code === 'TENANT_NOT_FOUND') {
            setGone(true);
            onGone();
            announceTenantsChanged();
          } else setError(caught);
        },
      );
    },
    gone ? null : 1000,
  );
  return (
    <div className="stack">
      <p role="status" className="provisioning-status">
        {gone
          ? `Tenant ${tenant.id} is deleted: its rows, storage and users are gone.`
          : `Deleting ${tenant.id}: removing its rows and its ${tenant.isolation === 'pool' ? 'shared-table rows' : tenant.isolation}…`}
      </p>
      {gone && <Link to="/console/tenants">Back to all tenants</Link>}
      {error !== null && <ErrorPanel error={error} />}
    </div>
  );
}
