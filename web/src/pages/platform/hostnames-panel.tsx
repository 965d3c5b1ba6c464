import { useState } from 'react';
import { api } from '../../api/api-client';
import { fieldErrors } from '../../api/api-error';
import type { Tenant } from '../../api/types';
import { FormErrors } from '../../components/form-errors';
import { TextField } from '../../components/text-field';
import { submitForm, useSubmit } from '../../hooks/use-submit';

/** Custom host names: the whole list is sent each time, and the server checks each name (format, owner). */
export function HostnamesPanel({ tenant, onChanged }: { tenant: Tenant; onChanged: (t: Tenant) => void }) {
  const [draft, setDraft] = useState('');
  const replace = async (hostnames: string[]) => {
    const { data } = await api<Tenant>(`/tenants/${encodeURIComponent(tenant.id)}`, {
      method: 'PATCH',
      body: { hostnames },
      tenant: null,
    });
    onChanged(data);
  };
  const add = useSubmit(async () => {
    await replace([...tenant.hostnames, draft.trim().toLowerCase()]);
    setDraft('');
  });
  const remove = useSubmit((hostname: string) => replace(tenant.hostnames.filter((h) => h !== hostname)));
  return (
    <div className="stack">
      {tenant.hostnames.length === 0 ? (
        <p className="muted">No custom host names: the tenant is reached by its subdomain only.</p>
      ) : (
        <ul className="plain-list" aria-label="Host names">
          {tenant.hostnames.map((hostname) => (
            <li key={hostname} className="row-actions">
              <code>{hostname}</code>
              <button
                type="button"
                className="link-button"
                disabled={remove.pending}
                aria-label={`Remove ${hostname}`}
                onClick={() => void remove.submit(hostname)}
              >
                Remove
              </button>
            </li>
          ))}
        </ul>
      )}
      {remove.error !== null && <FormErrors error={remove.error} fields={[]} />}
      <form onSubmit={submitForm(add)} className="inline-form" noValidate aria-label="Add a host name">
        <TextField
          label="New host name"
          value={draft}
          placeholder="app.example.com"
          onChange={(event) => setDraft(event.target.value)}
          errors={fieldErrors(add.error, 'hostnames')}
        />
        <button type="submit" className="button button-secondary" disabled={add.pending}>
          {add.pending ? 'Adding…' : 'Add host name'}
        </button>
      </form>
    </div>
  );
}
