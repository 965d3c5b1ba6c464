import { useState } from 'react';
import { api } from '../../api/api-client';
import { fieldErrors } from '../../api/api-error';
import type { Tenant } from '../../api/types';
import { FormErrors } from '../../components/form-errors';
import { TextField } from '../../components/text-field';
import { submitForm, useSubmit } from '../../hooks/use-submit';

const CONTACT = ['email', 'phone', 'website', 'address'] as const;
type Contact = Record<(typeof CONTACT)[number], string>;
const LABELS: Record<(typeof CONTACT)[number], string> = {
  email: 'Contact email',
  phone: 'Contact phone',
  website: 'Website',
  address: 'Address',
};
const FIELDS = ['settings.gst_number', ...CONTACT.map((key) => `settings.contact_info.${key}`)];

const text = (value: unknown) => (typeof value === 'string' ? value : '');

/** Seed 001's organisation details; a blank field removes the setting rather than storing "". */
export function SettingsPanel({ tenant, onChanged }: { tenant: Tenant; onChanged: (t: Tenant) => void }) {
  const stored = (tenant.settings.contact_info ?? {}) as Record<string, unknown>;
  const [gst, setGst] = useState(text(tenant.settings.gst_number));
  const [contact, setContact] = useState(
    Object.fromEntries(CONTACT.map((key) => [key, text(stored[key])])) as Contact,
  );
  const [saved, setSaved] = useState(false);
  const save = useSubmit(async () => {
    setSaved(false);
    const filled = Object.fromEntries(
      CONTACT.map((key) => [key, contact[key].trim()]).filter(([, value]) => value !== ''),
    );
    const { data } = await api<Tenant>(`/tenants/${encodeURIComponent(tenant.id)}`, {
      method: 'PATCH',
      body: {
        settings: {
          gst_number: gst.trim() || null,
          contact_info: Object.keys(filled).length > 0 ? filled : null,
        },
      },
      tenant: null,
    });
    setSaved(true);
    onChanged(data);
  });
  return (
    <form onSubmit={submitForm(save)} className="stack" noValidate aria-label="Organisation settings">
      <FormErrors error={save.error} fields={FIELDS} />
      <div className="form-grid">
        <TextField
          label="GST number"
          value={gst}
          onChange={(event) => setGst(event.target.value)}
          errors={fieldErrors(save.error, 'settings.gst_number')}
        />
        {CONTACT.map((key) => (
          <TextField
            key={key}
            label={LABELS[key]}
            value={contact[key]}
            type={key === 'email' ? 'email' : key === 'website' ? 'url' : 'text'}
            onChange={(event) => setContact((c) => ({ ...c, [key]: event.target.value }))}
            errors={fieldErrors(save.error, `settings.contact_info.${key}`)}
          />
        ))}
      </div>
      <div className="form-actions form-actions-start">
        <button type="submit" className="button" disabled={save.pending}>
          {save.pending ? 'Saving…' : 'Save settings'}
        </button>
        {saved && (
          <p className="text-success" role="status">
            Settings saved.
          </p>
        )}
      </div>
    </form>
  );
}
