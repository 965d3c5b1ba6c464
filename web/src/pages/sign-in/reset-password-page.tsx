import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { api } from '../../api/api-client';
import { useBranding } from '../../hooks/use-branding';
import { useDocumentTitle } from '../../hooks/use-document-title';
import { useSubmit } from '../../hooks/use-submit';
import { AuthLayout } from './auth-layout';
import { NewPasswordForm } from './new-password-form';
import { tenantOfToken } from './tenant-hint';

interface AccountResult {
  email: string;
  tenant_id: string | null;
}

/** The page a reset mail links to (`/reset-password?token=`). */
export function ResetPasswordPage() {
  useDocumentTitle('Choose a new password');
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const [done, setDone] = useState<AccountResult | null>(null);
  const { branding } = useBranding(tenantOfToken(token), false);
  const reset = useSubmit(async (password: string) => {
    const { data } = await api<AccountResult>('/auth/reset-password', {
      method: 'POST',
      body: { token, password },
      tenant: null,
    });
    setDone(data);
  });
  const signInLink = done
    ? `/sign-in?${new URLSearchParams({ email: done.email, tenant: done.tenant_id ?? '' }).toString()}`
    : '/sign-in';
  return (
    <AuthLayout title="Choose a new password" branding={branding}>
      {!token ? (
        <p className="notice notice-error" role="alert">
          This page needs the link from your reset mail. <Link to="/forgot-password">Ask for a new link</Link>
          .
        </p>
      ) : done ? (
        <div className="stack">
          <p className="notice notice-success" role="status">
            Your password is changed.
          </p>
          <Link className="button button-brand" to={signInLink}>
            Sign in
          </Link>
        </div>
      ) : (
        <NewPasswordForm
          submitLabel="Change the password"
          pending={reset.pending}
          error={reset.error}
          onSubmit={(password) => void reset.submit(password)}
          badTokenHelp="Ask for a new reset link from the sign-in page."
        />
      )}
    </AuthLayout>
  );
}
