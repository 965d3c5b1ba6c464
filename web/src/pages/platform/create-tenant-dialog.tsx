import { useState } from 'react';
import { Link } from 'react-router';
import type { Tenant } from '../../api/types';
import { Dialog } from '../../components/dialog';
import { announceTenantsChanged } from '../../layout/tenants-changed';
import { CreateTenantForm } from './create-tenant-form';
import { ProvisioningProgress } from './provisioning-progress';

/** Create a tenant, then stay to watch it being provisioned. */
export function CreateTenantDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  return (
    <Dialog title="Create a tenant" open={open} onClose={onClose}>
      <CreateThenWatch onClose={onClose} />
    </Dialog>
  );
}

function CreateThenWatch({ onClose }: { onClose: () => void }) {
  const [created, setCreated] = useState<{ tenant: Tenant; invitesOwner: boolean } | null>(null);
  if (!created) {
    return (
      <CreateTenantForm
        onCancel={onClose}
        onCreated={(tenant, invitesOwner) => {
          announceTenantsChanged();
          setCreated({ tenant, invitesOwner });
        }}
      />
    );
  }
  return (
    <div className="stack">
      <ProvisioningProgress initial={created.tenant} invitesOwner={created.invitesOwner} />
      <div className="form-actions">
        <Link
          className="button button-secondary"
          to={`/console/tenants/${created.tenant.id}`}
          onClick={onClose}
        >
          Open tenant
        </Link>
        <button type="button" className="button" onClick={onClose}>
          Close
        </button>
      </div>
    </div>
  );
}
