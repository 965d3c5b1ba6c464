import { useState } from 'react';
import { api } from '../../api/api-client';
import { fieldErrors } from '../../api/api-error';
import { platformRoleOf } from '../../api/session-store';
import { useSession } from '../../auth/use-session';
import { AsyncContent } from '../../components/async-content';
import { FormErrors } from '../../components/form-errors';
import { TextField } from '../../components/text-field';
import { useApiGet } from '../../hooks/use-api-get';
import { submitForm, useSubmit } from '../../hooks/use-submit';

interface BillingCustomer {
  tenant_id: string;
  provider: string | null;
  customer_id: string | null;
}

const FIELDS = ['provider', 'customer_id'] as const;

function BillingForm({ initial, onSaved }: { initial: BillingCustomer; onSaved: () => void }) {
  const [form, setForm] = useState({
    provider: initial.provider ?? 'stripe',
    customer_id: initial.customer_id ?? '',
  });
  const [saved, setSaved] = useState(false);
  const save = useSubmit(async () => {
    setSaved(false);
    await api(`/tenants/${encodeURIComponent(initial.tenant_id)}/billing`, {
      method: 'PUT',
      body: { provider: form.provider.trim(), customer_id: form.customer_id.trim() },
      tenant: null,
    });
    setSaved(true);
    onSaved();
  });
  const set = (key: (typeof FIELDS)[number]) => (event: { target: { value: string } }) =>
    setForm((f) => ({ ...f, [key]: event.target.value }));
  return (
    <form onSubmit={submitForm(save)} className="inline-form" noValidate aria-label="Billing customer">
      <FormErrors error={save.error} fields={FIELDS} />
      <TextField
        label="Provider"
        value={form.provider}
        onChange={set('provider')}
        errors={fieldErrors(save.error, 'provider')}
      />
      <TextField
        label="Customer ID"
        value={form.customer_id}
        onChange={set('customer_id')}
        placeholder="cus_…"
        errors={fieldErrors(save.error, 'customer_id')}
      />
      <button type="submit" className="button" disabled={save.pending}>
        {save.pending ? 'Saving…' : 'Save'}
      </button>
      {saved && (
        <p className="text-success" role="status">
          Saved.
        </p>
      )}
    </form>
  );
}

/** Seed 004's billing customer mapping: platform_admin and platform_billing set it, staff read it. */
export function BillingPanel({ tenantId }: { tenantId: string }) {
  const role = platformRoleOf(useSession());
  const [reloadKey, setReloadKey] = useState(0);
  const billing = useApiGet<BillingCustomer>(`/tenants/${encodeURIComponent(tenantId)}/billing`, undefined, {
    tenant: null,
    refreshKey: reloadKey,
  });
  const mayEdit = role === 'platform_admin' || role === 'platform_billing';
  return (
    <AsyncContent state={billing} loadingLabel="Loading billing…">
      {(data) => (
        <div className="stack">
          <p>
            {data.customer_id ? (
              <>
                <strong>{data.provider}</strong> customer <code>{data.customer_id}</code>
              </>
            ) : (
              <span className="muted">No billing customer recorded.</span>
            )}
          </p>
          {mayEdit && <BillingForm initial={data} onSaved={() => setReloadKey((n) => n + 1)} />}
        </div>
      )}
    </AsyncContent>
  );
}
