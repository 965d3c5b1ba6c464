import { useState } from 'react';
import { api } from '../../api/api-client';
import { FEATURE_DESCRIPTIONS, FEATURE_NAMES, type Tenant } from '../../api/types';
import { featureName } from '../../components/format';

interface FeatureRowProps {
  tenant: Tenant;
  feature: string;
  editable: boolean;
  onChanged: () => void;
  onError: (error: unknown) => void;
}

/** One feature: on or off, and why (the plan, or an override a platform administrator set). */
export function FeatureRow({ tenant, feature, editable, onChanged, onError }: FeatureRowProps) {
  const [pending, setPending] = useState(false);
  const on = tenant.features.includes(feature);
  const override = tenant.feature_overrides[feature];
  const source = override === undefined ? 'the plan' : 'a platform override';
  /** Overrides merge key by key: true or false sets one, null drops it (back to the plan). */
  const change = (value: boolean | null) => {
    setPending(true);
    const body = { feature_overrides: { [feature]: value } };
    api(`/tenants/${encodeURIComponent(tenant.id)}`, { method: 'PATCH', body, tenant: null })
      .then(onChanged, onError)
      .finally(() => setPending(false));
  };
  return (
    <tr>
      <td data-label="Feature">
        <strong>{featureName(feature, FEATURE_NAMES)}</strong> <code className="muted">{feature}</code>
        {FEATURE_DESCRIPTIONS[feature] && <div className="muted">{FEATURE_DESCRIPTIONS[feature]}</div>}
      </td>
      <td data-label="State">
        <span className={on ? 'badge badge-good' : 'badge badge-muted'}>{on ? 'on' : 'off'}</span>
      </td>
      <td data-label="Set by">{source}</td>
      {editable && (
        <td data-label="Change">
          <div className="row-actions">
            <button
              type="button"
              className="button button-secondary button-small"
              disabled={pending}
              aria-label={`${on ? 'Turn off' : 'Turn on'} ${feature}`}
              onClick={() => change(!on)}
            >
              {on ? 'Turn off' : 'Turn on'}
            </button>
            {override !== undefined && (
              <button type="button" className="link-button" disabled={pending} onClick={() => change(null)}>
                Back to the plan
              </button>
            )}
          </div>
        </td>
      )}
    </tr>
  );
}
