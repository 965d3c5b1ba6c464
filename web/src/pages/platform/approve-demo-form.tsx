import { useState } from 'react';
import { api } from '../../api/api-client';
import { fieldErrors } from '../../api/api-error';
import { type DemoRequest, type Tenant, TIERS } from '../../api/types';
import { FormErrors } from '../../components/form-errors';
import { SelectField } from '../../components/select-field';
import { slugOf } from '../../components/slug';
import { TextField } from '../../components/text-field';
import { submitForm, useSubmit } from '../../hooks/use-submit';
import { announceTenantsChanged } from '../../layout/tenants-changed';
import { ProvisioningProgress } from './provisioning-progress';
import { FormActions } from '../../components/form-actions';

interface ApproveDemoFormProps {
  request: DemoRequest;
  onDone: () => void;
}

/** Approving a demo request creates its tenant (202, provisioning) and invites the requester. */
export function ApproveDemoForm({ request, onDone }: ApproveDemoFormProps) {
  const [tenantId, setTenantId] = useState(() => slugOf(request.company_name));
  const [tier, setTier] = useState('standard');
  const [tenant, setTenant] = useState<Tenant | null>(null);
  const approve = useSubmit(async () => {
    const { data } = await api<DemoRequest & { tenant: Tenant }>(`/demo-requests/${request.id}/approve`, {
      method: 'POST',
      body: { tenant_id: tenantId, tier },
      tenant: null,
    });
    announceTenantsChanged();
    setTenant(data.tenant);
  });
  if (tenant) {
    return (
      <div className="stack">
        <ProvisioningProgress initial={tenant} invitesOwner />
        <div className="form-actions">
          <button type="button" className="button" onClick={onDone}>
            Close
          </button>
        </div>
      </div>
    );
  }
  return (
    <form onSubmit={submitForm(approve)} className="stack" noValidate>
      <p>
        Create a tenant for <strong>{request.company_name}</strong>; {request.email} is invited as its owner.
      </p>
      <FormErrors error={approve.error} fields={['tenant_id', 'tier']} />
      <TextField
        label="Tenant ID"
        value={tenantId}
        onChange={(event) => setTenantId(event.target.value.toLowerCase())}
        spellCheck={false}
        errors={fieldErrors(approve.error, 'tenant_id')}
      />
      <SelectField
        label="Tier"
        options={TIERS}
        value={tier}
        onChange={(event) => setTier(event.target.value)}
        errors={fieldErrors(approve.error, 'tier')}
      />
      <FormActions
        label="Approve and create tenant"
        pendingLabel="Approving…"
        pending={approve.pending}
        onCancel={onDone}
      />
    </form>
  );
}
