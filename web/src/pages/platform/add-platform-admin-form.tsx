import { useState } from 'react';
import { api } from '../../api/api-client';
import { fieldErrors } from '../../api/api-error';
import { PLATFORM_ROLES } from '../../api/session-store';
import { humanize } from '../../components/format';
import { FormErrors } from '../../components/form-errors';
import { SelectField } from '../../components/select-field';
import { TextField } from '../../components/text-field';
import { submitForm, useSubmit } from '../../hooks/use-submit';

const FIELDS = ['email', 'role', 'password'] as const;
const EMPTY = { email: '', role: 'platform_support', password: '' };

/** Adds a platform admin; without a password they are mailed a link to choose one. */
export function AddPlatformAdminForm({ onAdded }: { onAdded: (email: string) => void }) {
  const [form, setForm] = useState(EMPTY);
  const add = useSubmit(async () => {
    const body = { email: form.email.trim(), role: form.role, password: form.password || undefined };
    await api('/platform/admins', { method: 'POST', body, tenant: null });
    setForm(EMPTY);
    onAdded(body.email);
  });
  const set = (key: (typeof FIELDS)[number]) => (event: { target: { value: string } }) =>
    setForm((f) => ({ ...f, [key]: event.target.value }));
  return (
    <form onSubmit={submitForm(add)} className="card stack" noValidate aria-label="Add a platform admin">
      <h2 className="card-title">Add a platform admin</h2>
      <FormErrors error={add.error} fields={FIELDS} />
      <div className="form-grid">
        <TextField
          label="Email"
          type="email"
          value={form.email}
          onChange={set('email')}
          required
          errors={fieldErrors(add.error, 'email')}
        />
        <SelectField
          label="Role"
          options={PLATFORM_ROLES.map((role) => ({ value: role, label: humanize(role) }))}
          value={form.role}
          onChange={set('role')}
          errors={fieldErrors(add.error, 'role')}
        />
        <TextField
          label="Password (optional)"
          type="password"
          value={form.password}
          onChange={set('password')}
          autoComplete="new-password"
          hint="Leave empty to mail them a link to choose one."
          errors={fieldErrors(add.error, 'password')}
        />
      </div>
      <div>
        <button type="submit" className="button button-brand" disabled={add.pending}>
          {add.pending ? 'Adding…' : 'Add'}
        </button>
      </div>
    </form>
  );
}
