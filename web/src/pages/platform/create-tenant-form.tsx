import { useState } from 'react';
import { api } from '../../api/api-client';
import { fieldErrors } from '../../api/api-error';
import { BUSINESS_DOMAINS, ISOLATIONS, type Tenant, TIERS } from '../../api/types';
import { FormErrors } from '../../components/form-errors';
import { SelectField } from '../../components/select-field';
import { slugOf } from '../../components/slug';
import { TextField } from '../../components/text-field';
import { submitForm, useSubmit } from '../../hooks/use-submit';
import { FormActions } from '../../components/form-actions';

const FIELDS = [
  'id',
  'name',
  'tier',
  'isolation',
  'business_domain',
  'admin_email',
  'admin_password',
] as const;
const DEFAULT_ISOLATION: Record<string, string> = {
  standard: 'pool',
  premium: 'schema',
  enterprise: 'database',
};

/** POST /tenants: the answer is 202 with the tenant still provisioning. */
export function CreateTenantForm({
  onCreated,
  onCancel,
}: {
  onCreated: (tenant: Tenant, invitesOwner: boolean) => void;
  onCancel: () => void;
}) {
  const [values, setValues] = useState({
    name: '',
    id: '',
    tier: 'standard',
    isolation: '',
    business_domain: 'default',
    admin_email: '',
    admin_password: '',
  });
  const [idTouched, setIdTouched] = useState(false);
  const create = useSubmit(async () => {
    const body = {
      id: values.id,
      name: values.name.trim(),
      tier: values.tier,
      ...(values.isolation ? { isolation: values.isolation } : {}),
      business_domain: values.business_domain,
      admin_email: values.admin_email.trim(),
      ...(values.admin_password ? { admin_password: values.admin_password } : {}),
    };
    const { data } = await api<Tenant>('/tenants', { method: 'POST', body, tenant: null });
    onCreated(data, !values.admin_password);
  });
  const set = (key: keyof typeof values) => (event: { target: { value: string } }) =>
    setValues((v) => ({ ...v, [key]: event.target.value }));
  return (
    <form onSubmit={submitForm(create)} className="stack" noValidate>
      <FormErrors error={create.error} fields={FIELDS} />
      <TextField
        label="Company name"
        value={values.name}
        onChange={(event) =>
          setValues((v) => ({
            ...v,
            name: event.target.value,
            id: idTouched ? v.id : slugOf(event.target.value),
          }))
        }
        required
        autoFocus
        errors={fieldErrors(create.error, 'name')}
      />
      <TextField
        label="Tenant ID"
        value={values.id}
        onChange={(event) => {
          setIdTouched(true);
          setValues((v) => ({ ...v, id: event.target.value.toLowerCase() }));
        }}
        hint="Lowercase letters, digits and -, 3 to 40 characters; it names the tenant's storage and host name."
        spellCheck={false}
        errors={fieldErrors(create.error, 'id')}
      />
      <div className="form-grid">
        <SelectField
          label="Tier"
          options={TIERS}
          value={values.tier}
          onChange={set('tier')}
          errors={fieldErrors(create.error, 'tier')}
        />
        <SelectField
          label="Isolation"
          options={[
            { value: '', label: `Tier default (${DEFAULT_ISOLATION[values.tier]})` },
            ...ISOLATIONS.map((i) => ({ value: i, label: i })),
          ]}
          value={values.isolation}
          onChange={set('isolation')}
          errors={fieldErrors(create.error, 'isolation')}
        />
        <SelectField
          label="Business domain"
          options={BUSINESS_DOMAINS}
          value={values.business_domain}
          onChange={set('business_domain')}
          errors={fieldErrors(create.error, 'business_domain')}
        />
      </div>
      <TextField
        label="Owner's email"
        type="email"
        value={values.admin_email}
        onChange={set('admin_email')}
        required
        errors={fieldErrors(create.error, 'admin_email')}
      />
      <TextField
        label="Owner's password (optional)"
        type="password"
        value={values.admin_password}
        onChange={set('admin_password')}
        autoComplete="new-password"
        hint="Leave empty to mail the owner an invitation instead."
        errors={fieldErrors(create.error, 'admin_password')}
      />
      <FormActions
        label="Create tenant"
        pendingLabel="Creating…"
        pending={create.pending}
        onCancel={onCancel}
      />
    </form>
  );
}
