import { useState } from 'react';
import { useNavigate } from 'react-router';
import { actingTenantStore } from '../../api/acting-tenant-store';
import { api } from '../../api/api-client';
import type { Tenant } from '../../api/types';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { ErrorPanel } from '../../components/error-panel';
import { announceTenantsChanged } from '../../layout/tenants-changed';

interface TenantActionsProps {
  tenant: Tenant;
  onChanged: (tenant: Tenant) => void;
}

/** Act inside, suspend or resume, and delete (typing the tenant's ID to confirm). */
export function TenantActions({ tenant, onChanged }: TenantActionsProps) {
  const navigate = useNavigate();
  const [error, setError] = useState<unknown>(null);
  const [deleting, setDeleting] = useState(false);
  const [suspending, setSuspending] = useState(false);
  const path = `/tenants/${encodeURIComponent(tenant.id)}`;
  const changeStatus = async (action: 'suspend' | 'resume') => {
    setError(null);
    const { data } = await api<Tenant>(`${path}/${action}`, { method: 'POST', tenant: null });
    announceTenantsChanged();
    onChanged(data);
  };
  return (
    <div className="stack">
      <div className="form-actions form-actions-start">
        {tenant.status === 'active' && (
          <button
            type="button"
            className="button"
            onClick={() => {
              actingTenantStore.set(tenant.id);
              navigate('/overview');
            }}
          >
            Act inside this tenant
          </button>
        )}
        {tenant.status === 'active' && (
          <button type="button" className="button button-secondary" onClick={() => setSuspending(true)}>
            Suspend
          </button>
        )}
        {tenant.status === 'suspended' && (
          <button type="button" className="button" onClick={() => changeStatus('resume').catch(setError)}>
            Resume
          </button>
        )}
        {tenant.status !== 'deleting' && tenant.status !== 'deleted' && tenant.id !== 'default' && (
          <button type="button" className="button button-danger" onClick={() => setDeleting(true)}>
            Delete tenant
          </button>
        )}
      </div>
      {error !== null && <ErrorPanel error={error} />}
      <ConfirmDialog
        title={`Suspend ${tenant.id}`}
        open={suspending}
        onClose={() => setSuspending(false)}
        confirmLabel="Suspend"
        danger
        onConfirm={() => changeStatus('suspend')}
      >
        <p>
          The users of <strong>{tenant.name}</strong> cannot use the workspace until you resume it; they are
          told it is suspended. No data is removed.
        </p>
      </ConfirmDialog>
      <ConfirmDialog
        title={`Delete ${tenant.id}`}
        open={deleting}
        onClose={() => setDeleting(false)}
        confirmLabel="Delete for good"
        danger
        typedConfirmation={tenant.id}
        onConfirm={async () => {
          const { data } = await api<Tenant>(path, {
            method: 'DELETE',
            query: { confirm: tenant.id },
            tenant: null,
          });
          if (actingTenantStore.get() === tenant.id) actingTenantStore.set(null);
          announceTenantsChanged();
          onChanged(data);
        }}
      >
        <p>
          This deletes every row of <strong>{tenant.name}</strong>, its users and audit trail, and its{' '}
          {tenant.isolation === 'pool'
            ? 'rows in the shared tables'
            : tenant.isolation === 'schema'
              ? 'schema'
              : 'database'}
          . It cannot be undone; export it first if you may need the data.
        </p>
      </ConfirmDialog>
    </div>
  );
}
