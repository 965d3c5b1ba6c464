import { useState } from 'react';
import { api } from '../../api/api-client';
import { fieldErrors } from '../../api/api-error';
import { FormErrors } from '../../components/form-errors';
import { SecretReveal } from '../../components/secret-reveal';
import { TextField } from '../../components/text-field';
import { usePermissionCatalogue } from '../../hooks/use-permission-catalogue';
import { submitForm, useSubmit } from '../../hooks/use-submit';
import { FormActions } from '../../components/form-actions';

interface CreatedKey {
  secret: string;
}

/** Creates a service account key with scoped permissions; its secret is shown here, once. */
export function ApiKeyForm({ onCreated, onClose }: { onCreated: () => void; onClose: () => void }) {
  const permissionCatalogue = usePermissionCatalogue();
  const [name, setName] = useState('');
  const [granted, setGranted] = useState<Set<string>>(new Set(['deployments:read']));
  const [secret, setSecret] = useState<string | null>(null);
  const create = useSubmit(async () => {
    const permissions = permissionCatalogue.filter((p) => granted.has(p));
    const { data } = await api<CreatedKey>('/api-keys', {
      method: 'POST',
      body: { name: name.trim(), permissions },
    });
    setSecret(data.secret);
    onCreated();
  });
  if (secret) {
    return (
      <div className="stack">
        <SecretReveal label="API key" secret={secret} />
        <p>
          Send it as <code>Authorization: Bearer &lt;key&gt;</code>.
        </p>
        <div className="form-actions">
          <button type="button" className="button" onClick={onClose}>
            Done
          </button>
        </div>
      </div>
    );
  }
  return (
    <form onSubmit={submitForm(create)} className="stack" noValidate>
      <FormErrors error={create.error} fields={['name', 'permissions']} />
      <TextField
        label="Name"
        value={name}
        onChange={(event) => setName(event.target.value)}
        hint="What uses this key, e.g. “CI pipeline”."
        required
        autoFocus
        errors={fieldErrors(create.error, 'name')}
      />
      <fieldset className="checkbox-grid">
        <legend>Permissions</legend>
        {permissionCatalogue.map((permission) => (
          <label key={permission} className="checkbox">
            <input
              type="checkbox"
              checked={granted.has(permission)}
              onChange={() =>
                setGranted((current) => {
                  const next = new Set(current);
                  if (next.has(permission)) next.delete(permission);
                  else next.add(permission);
                  return next;
                })
              }
            />
            <code>{permission}</code>
          </label>
        ))}
      </fieldset>
      <FormActions label="Create key" pendingLabel="Creating…" pending={create.pending} onCancel={onClose} />
    </form>
  );
}
