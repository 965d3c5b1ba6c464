import { useState } from 'react';
import { api } from '../../api/api-client';
import { ApiError, fieldErrors } from '../../api/api-error';
import type { Limits, Tenant } from '../../api/types';
import { FormErrors } from '../../components/form-errors';
import { formatBytes, formatLimit } from '../../components/format';
import { TextField } from '../../components/text-field';
import { submitForm, useSubmit } from '../../hooks/use-submit';

const GB = 1024 ** 3;
type LimitKey = 'max_users' | 'storage_bytes' | 'api_per_minute';
const KEYS: readonly LimitKey[] = ['max_users', 'storage_bytes', 'api_per_minute'];
const LABELS: Record<LimitKey, string> = {
  max_users: 'Users',
  storage_bytes: 'Storage (GB)',
  api_per_minute: 'API requests per minute',
};
const FIELDS = KEYS.map((key) => `limit_overrides.${key}`);

/** The form's text of one override: empty keeps the plan, `unlimited` lifts the limit. */
function textOf(key: LimitKey, overrides: Partial<Limits>): string {
  if (!(key in overrides)) return '';
  const value = overrides[key];
  if (value === null || value === undefined) return 'unlimited';
  return key === 'storage_bytes' ? String(value / GB) : String(value);
}

/** Parses the form; a bad entry becomes a VALIDATION_FAILED on its own field, as the server would say it. */
function parse(form: Record<LimitKey, string>): Partial<Limits> {
  const overrides: Partial<Limits> = {};
  const details = [];
  for (const key of KEYS) {
    const text = form[key].trim().toLowerCase();
    if (text === '') continue;
    if (text === 'unlimited') {
      overrides[key] = null;
      continue;
    }
    const number = Number(text);
    const whole = key === 'storage_bytes' ? Math.round(number * GB) : number;
    if (
      !/^\d+(\.\d+)?$/.test(text) ||
      !Number.isSafeInteger(whole) ||
      (key === 'api_per_minute' && whole < 1)
    )
      details.push({ path: `limit_overrides.${key}`, message: 'must be a whole number, or “unlimited”' });
    else overrides[key] = whole;
  }
  if (details.length > 0) throw new ApiError(400, 'VALIDATION_FAILED', 'Invalid limits', details);
  return overrides;
}

/** Limit overrides replace each other as one object; the hourly create quotas are kept as they are. */
export function LimitOverridesPanel({
  tenant,
  onChanged,
}: {
  tenant: Tenant;
  onChanged: (t: Tenant) => void;
}) {
  const overrides = tenant.limit_overrides;
  const plan = (tenant.plan_limits ?? {}) as Partial<Limits>;
  const [form, setForm] = useState(
    Object.fromEntries(KEYS.map((key) => [key, textOf(key, overrides)])) as Record<LimitKey, string>,
  );
  const [saved, setSaved] = useState(false);
  const save = useSubmit(async () => {
    setSaved(false);
    const body = { limit_overrides: { ...pickHourly(overrides), ...parse(form) } };
    const { data } = await api<Tenant>(`/tenants/${encodeURIComponent(tenant.id)}`, {
      method: 'PATCH',
      body,
      tenant: null,
    });
    setSaved(true);
    onChanged(data);
  });
  const planText = (key: LimitKey) =>
    key === 'storage_bytes' ? formatBytes(plan[key]) : formatLimit(plan[key]);
  return (
    <form onSubmit={submitForm(save)} className="stack" noValidate aria-label="Limit overrides">
      <FormErrors error={save.error} fields={FIELDS} />
      <div className="form-grid">
        {KEYS.map((key) => (
          <TextField
            key={key}
            label={LABELS[key]}
            value={form[key]}
            inputMode="decimal"
            placeholder={`Plan: ${planText(key)}`}
            hint={`Plan: ${planText(key)}. Empty keeps the plan; “unlimited” lifts it.`}
            onChange={(event) => setForm((f) => ({ ...f, [key]: event.target.value }))}
            errors={fieldErrors(save.error, `limit_overrides.${key}`)}
          />
        ))}
      </div>
      <div className="form-actions form-actions-start">
        <button type="submit" className="button" disabled={save.pending}>
          {save.pending ? 'Saving…' : 'Save limits'}
        </button>
        {saved && (
          <p className="text-success" role="status">
            Limits saved.
          </p>
        )}
      </div>
    </form>
  );
}

function pickHourly(overrides: Partial<Limits>): Partial<Limits> {
  return overrides.creates_per_hour ? { creates_per_hour: overrides.creates_per_hour } : {};
}
