import { useState } from 'react';
import { api } from '../../api/api-client';
import { type Tenant, TIERS } from '../../api/types';
import { ErrorPanel } from '../../components/error-panel';
import { SelectField } from '../../components/select-field';

/** PATCH tier: limits and features change, where the data lives does not (SPEC §1.3). */
export function TierChanger({ tenant, onChanged }: { tenant: Tenant; onChanged: (tenant: Tenant) => void }) {
  const [tier, setTier] = useState(tenant.tier);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const save = () => {
    setPending(true);
    setError(null);
    api<Tenant>(`/tenants/${encodeURIComponent(tenant.id)}`, {
      method: 'PATCH',
      body: { tier },
      tenant: null,
    })
      .then(({ data }) => onChanged(data), setError)
      .finally(() => setPending(false));
  };
  return (
    <div className="stack">
      <div className="inline-form">
        <SelectField
          label="Tier"
          options={TIERS}
          value={tier}
          onChange={(event) => setTier(event.target.value)}
          hint={`Isolation stays ${tenant.isolation}.`}
        />
        <button
          type="button"
          className="button button-secondary"
          disabled={pending || tier === tenant.tier}
          onClick={save}
        >
          {pending ? 'Saving…' : 'Change tier'}
        </button>
      </div>
      {error !== null && <ErrorPanel error={error} />}
    </div>
  );
}
