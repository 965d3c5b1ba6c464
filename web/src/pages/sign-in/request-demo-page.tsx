import { useState } from 'react';
import { Link } from 'react-router';
import { api } from '../../api/api-client';
import { fieldErrors } from '../../api/api-error';
import { BUSINESS_DOMAINS } from '../../api/types';
import { FormErrors } from '../../components/form-errors';
import { SelectField } from '../../components/select-field';
import { TextAreaField } from '../../components/text-area-field';
import { TextField } from '../../components/text-field';
import { useDocumentTitle } from '../../hooks/use-document-title';
import { submitForm, useSubmit } from '../../hooks/use-submit';
import { AuthLayout } from './auth-layout';

const FIELDS = ['company_name', 'email', 'business_domain', 'message'] as const;

/** Seed 002's demo request: anyone asks, a platform administrator approves it into a tenant. */
export function RequestDemoPage() {
  useDocumentTitle('Request a demo');
  const [form, setForm] = useState({ company_name: '', email: '', business_domain: 'default', message: '' });
  const [sent, setSent] = useState(false);
  const request = useSubmit(async () => {
    await api('/demo-requests', {
      method: 'POST',
      body: { ...form, message: form.message || undefined },
      tenant: null,
    });
    setSent(true);
  });
  const set = (key: (typeof FIELDS)[number]) => (event: { target: { value: string } }) =>
    setForm((f) => ({ ...f, [key]: event.target.value }));
  return (
    <AuthLayout title="Request a demo" branding={null}>
      {sent ? (
        <p className="notice notice-success" role="status">
          Thank you. We will mail {form.email} when your workspace is ready.{' '}
          <Link to="/sign-in">Back to sign-in</Link>
        </p>
      ) : (
        <form onSubmit={submitForm(request)} className="stack" noValidate>
          <FormErrors error={request.error} fields={FIELDS} />
          <TextField
            label="Company"
            value={form.company_name}
            onChange={set('company_name')}
            required
            errors={fieldErrors(request.error, 'company_name')}
          />
          <TextField
            label="Work email"
            type="email"
            value={form.email}
            onChange={set('email')}
            required
            errors={fieldErrors(request.error, 'email')}
          />
          <SelectField
            label="Business"
            options={BUSINESS_DOMAINS}
            value={form.business_domain}
            onChange={set('business_domain')}
            errors={fieldErrors(request.error, 'business_domain')}
          />
          <TextAreaField
            label="Message (optional)"
            value={form.message}
            onChange={set('message')}
            rows={3}
            errors={fieldErrors(request.error, 'message')}
          />
          <button type="submit" className="button button-brand button-wide" disabled={request.pending}>
            {request.pending ? 'Sending…' : 'Request a demo'}
          </button>
          <Link to="/sign-in">Back to sign-in</Link>
        </form>
      )}
    </AuthLayout>
  );
}
