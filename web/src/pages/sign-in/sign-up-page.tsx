import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { api } from '../../api/api-client';
import { fieldErrors } from '../../api/api-error';
import { BUSINESS_DOMAINS } from '../../api/types';
import { FormErrors } from '../../components/form-errors';
import { SelectField } from '../../components/select-field';
import { slugOf } from '../../components/slug';
import { TextField } from '../../components/text-field';
import { useDocumentTitle } from '../../hooks/use-document-title';
import { submitForm, useSubmit } from '../../hooks/use-submit';
import { AuthLayout } from './auth-layout';
import { TenantIdAvailability } from './tenant-id-availability';

const FIELDS = ['company_name', 'tenant_id', 'email', 'password', 'business_domain'] as const;

/**
 * Self-service signup (SPEC §8): the workspace id follows the company name until the person
 * edits it, and is checked as it is typed; the answer is a mail with the link that creates it.
 */
export function SignUpPage() {
  useDocumentTitle('Create your workspace');
  const navigate = useNavigate();
  const [form, setForm] = useState({
    company_name: '',
    tenant_id: '',
    email: '',
    password: '',
    business_domain: 'default',
  });
  const [idEdited, setIdEdited] = useState(false);
  const signup = useSubmit(async () => {
    const body = { ...form, tenant_id: form.tenant_id.trim(), email: form.email.trim() };
    await api('/auth/signup', { method: 'POST', body, tenant: null });
    const next = new URLSearchParams({ email: body.email, tenant: body.tenant_id });
    await navigate(`/signup/check-mail?${next.toString()}`);
  });
  const set = (key: (typeof FIELDS)[number]) => (event: { target: { value: string } }) => {
    const value = event.target.value;
    setForm((f) => {
      const next = { ...f, [key]: value };
      if (key === 'company_name' && !idEdited) next.tenant_id = slugOf(value);
      return next;
    });
    if (key === 'tenant_id') setIdEdited(value !== '');
  };
  return (
    <AuthLayout title="Create your workspace" branding={null}>
      <form onSubmit={submitForm(signup)} className="stack" noValidate>
        <FormErrors error={signup.error} fields={FIELDS} />
        <TextField
          label="Company"
          value={form.company_name}
          onChange={set('company_name')}
          autoComplete="organization"
          required
          errors={fieldErrors(signup.error, 'company_name')}
        />
        <TextField
          label="Workspace ID"
          value={form.tenant_id}
          onChange={set('tenant_id')}
          autoCapitalize="none"
          spellCheck={false}
          required
          hint={<TenantIdAvailability tenantId={form.tenant_id.trim()} />}
          errors={fieldErrors(signup.error, 'tenant_id')}
        />
        <TextField
          label="Work email"
          type="email"
          value={form.email}
          onChange={set('email')}
          autoComplete="email"
          required
          errors={fieldErrors(signup.error, 'email')}
        />
        <TextField
          label="Password"
          type="password"
          value={form.password}
          onChange={set('password')}
          autoComplete="new-password"
          minLength={8}
          required
          hint="At least 8 characters."
          errors={fieldErrors(signup.error, 'password')}
        />
        <SelectField
          label="Business"
          options={BUSINESS_DOMAINS}
          value={form.business_domain}
          onChange={set('business_domain')}
          errors={fieldErrors(signup.error, 'business_domain')}
        />
        <button type="submit" className="button button-brand button-wide" disabled={signup.pending}>
          {signup.pending ? 'Creating…' : 'Create workspace'}
        </button>
        <p className="auth-links">
          <Link to="/sign-in">Already have a workspace? Sign in</Link>
        </p>
      </form>
    </AuthLayout>
  );
}
