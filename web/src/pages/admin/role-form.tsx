import { useState } from 'react';
import { api } from '../../api/api-client';
import { fieldErrors } from '../../api/api-error';
import type { Role } from '../../api/types';
import { FormErrors } from '../../components/form-errors';
import { TextField } from '../../components/text-field';
import { usePermissionCatalogue } from '../../hooks/use-permission-catalogue';
import { submitForm, useSubmit } from '../../hooks/use-submit';
import { FormActions } from '../../components/form-actions';

interface RoleFormProps {
  role: Role | null;
  onSaved: (role: Role) => void;
  onCancel: () => void;
}

/** A custom role's name and its permissions from the business catalogue (seed 002). */
export function RoleForm({ role, onSaved, onCancel }: RoleFormProps) {
  const permissionCatalogue = usePermissionCatalogue();
  const [name, setName] = useState(role?.name ?? '');
  const [granted, setGranted] = useState<Set<string>>(new Set(role?.permissions ?? ['tenant:read']));
  const save = useSubmit(async () => {
    const permissions = permissionCatalogue.filter((p) => granted.has(p));
    const body = role
      ? { ...(role.built_in || name === role.name ? {} : { name }), permissions }
      : { name, permissions };
    const { data } = role
      ? await api<Role>(`/roles/${encodeURIComponent(role.name)}`, { method: 'PATCH', body })
      : await api<Role>('/roles', { method: 'POST', body });
    onSaved(data);
  });
  const toggle = (permission: string) =>
    setGranted((current) => {
      const next = new Set(current);
      if (next.has(permission)) next.delete(permission);
      else next.add(permission);
      return next;
    });
  return (
    <form onSubmit={submitForm(save)} className="stack" noValidate>
      <FormErrors error={save.error} fields={['name', 'permissions']} />
      <TextField
        label="Name"
        value={name}
        onChange={(event) => setName(event.target.value.toLowerCase())}
        disabled={role?.built_in}
        hint="Lowercase letters, digits, - and _; 2 to 40 characters."
        errors={fieldErrors(save.error, 'name')}
      />
      <fieldset className="checkbox-grid">
        <legend>Permissions</legend>
        {permissionCatalogue.map((permission) => (
          <label key={permission} className="checkbox">
            <input type="checkbox" checked={granted.has(permission)} onChange={() => toggle(permission)} />
            <code>{permission}</code>
          </label>
        ))}
      </fieldset>
      {fieldErrors(save.error, 'permissions').map((message) => (
        <p key={message} className="field-error">
          {message}
        </p>
      ))}
      <FormActions
        label={role ? 'Save role' : 'Create role'}
        pendingLabel="Saving…"
        pending={save.pending}
        onCancel={onCancel}
      />
    </form>
  );
}
