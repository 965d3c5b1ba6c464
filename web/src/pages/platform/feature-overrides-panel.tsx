import { useState } from 'react';
import { api } from '../../api/api-client';
import { FEATURE_CATALOGUE, FEATURE_NAMES, type Tenant } from '../../api/types';
import { ErrorPanel } from '../../components/error-panel';
import { featureName } from '../../components/format';

type Choice = 'inherit' | 'on' | 'off';

const choiceOf = (override: boolean | undefined): Choice =>
  override === undefined ? 'inherit' : override ? 'on' : 'off';

/** Every feature with its plan default beside it; each change is one merged PATCH of that key. */
export function FeatureOverridesPanel({
  tenant,
  onChanged,
}: {
  tenant: Tenant;
  onChanged: (tenant: Tenant) => void;
}) {
  const [pending, setPending] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const plan = new Set(tenant.plan_features ?? []);
  const change = (feature: string, choice: Choice) => {
    setPending(feature);
    setError(null);
    const value = choice === 'inherit' ? null : choice === 'on';
    api<Tenant>(`/tenants/${encodeURIComponent(tenant.id)}`, {
      method: 'PATCH',
      body: { feature_overrides: { [feature]: value } },
      tenant: null,
    })
      .then(({ data }) => onChanged(data), setError)
      .finally(() => setPending(null));
  };
  const features = Object.values(FEATURE_CATALOGUE).flat();
  return (
    <div className="stack">
      {error !== null && <ErrorPanel error={error} />}
      <table className="data-table">
        <caption className="sr-only">Feature overrides</caption>
        <thead>
          <tr>
            <th scope="col">Feature</th>
            <th scope="col">Plan default</th>
            <th scope="col">Setting</th>
            <th scope="col">Now</th>
          </tr>
        </thead>
        <tbody>
          {features.map((feature) => {
            const name = featureName(feature, FEATURE_NAMES);
            const on = tenant.features.includes(feature);
            return (
              <tr key={feature}>
                <td data-label="Feature">{name}</td>
                <td data-label="Plan default">{plan.has(feature) ? 'on' : 'off'}</td>
                <td data-label="Setting">
                  <select
                    aria-label={`${name} setting`}
                    value={choiceOf(tenant.feature_overrides[feature])}
                    disabled={pending !== null}
                    onChange={(event) => change(feature, event.target.value as Choice)}
                  >
                    <option value="inherit">Plan default ({plan.has(feature) ? 'on' : 'off'})</option>
                    <option value="on">Always on</option>
                    <option value="off">Always off</option>
                  </select>
                </td>
                <td data-label="Now">
                  <span className={on ? 'badge badge-good' : 'badge badge-muted'}>{on ? 'on' : 'off'}</span>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
