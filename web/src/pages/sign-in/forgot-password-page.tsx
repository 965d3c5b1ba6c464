import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { api } from '../../api/api-client';
import { fieldErrors } from '../../api/api-error';
import { FormErrors } from '../../components/form-errors';
import { TextField } from '../../components/text-field';
import { useBranding } from '../../hooks/use-branding';
import { useDebouncedValue } from '../../hooks/use-debounced-value';
import { useDocumentTitle } from '../../hooks/use-document-title';
import { submitForm, useSubmit } from '../../hooks/use-submit';
import { AuthLayout } from './auth-layout';
import { initialTenant } from './tenant-hint';

/** Asks for a reset link; the answer never says whether the account exists. */
export function ForgotPasswordPage() {
  useDocumentTitle('Reset your password');
  const [params] = useSearchParams();
  const [tenant, setTenant] = useState(() => initialTenant(params));
  const [email, setEmail] = useState(params.get('email') ?? '');
  const [sent, setSent] = useState<string | null>(null);
  const brandTenant = useDebouncedValue(tenant.trim().toLowerCase(), 350);
  const { branding } = useBranding(brandTenant || null, false);
  const request = useSubmit(async () => {
    const tenantId = tenant.trim().toLowerCase();
    const { data } = await api<{ message: string }>('/auth/forgot-password', {
      method: 'POST',
      body: { email: email.trim(), ...(tenantId ? { tenant_id: tenantId } : {}) },
      tenant: null,
    });
    setSent(data.message);
  });
  return (
    <AuthLayout title="Reset your password" branding={branding}>
      {sent ? (
        <div className="stack">
          <p className="notice notice-success" role="status">
            {sent}
          </p>
          <p>
            Open the link in the mail to choose a new password. It works once, for one hour. No mail? Check
            the address and the workspace ID, then ask again.
          </p>
          <Link to="/sign-in">Back to sign-in</Link>
        </div>
      ) : (
        <form onSubmit={submitForm(request)} className="stack" noValidate>
          <p>We will mail you a link to choose a new password.</p>
          <FormErrors error={request.error} fields={['email', 'tenant_id']} />
          <TextField
            label="Workspace ID"
            value={tenant}
            onChange={(event) => setTenant(event.target.value)}
            autoCapitalize="none"
            spellCheck={false}
            hint="Leave empty if you are a platform administrator."
            errors={fieldErrors(request.error, 'tenant_id')}
          />
          <TextField
            label="Email"
            type="email"
            value={email}
            onChange={(event) => setEmail(event.target.value)}
            autoComplete="username"
            required
            errors={fieldErrors(request.error, 'email')}
          />
          <button type="submit" className="button button-brand button-wide" disabled={request.pending}>
            {request.pending ? 'Sending…' : 'Send the reset link'}
          </button>
          <Link to="/sign-in">Back to sign-in</Link>
        </form>
      )}
    </AuthLayout>
  );
}
