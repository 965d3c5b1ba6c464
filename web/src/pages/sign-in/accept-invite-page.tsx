import { useState } from 'react';
import { Link, Navigate, useSearchParams } from 'react-router';
import { api } from '../../api/api-client';
import { signIn } from '../../auth/auth-api';
import { useBranding } from '../../hooks/use-branding';
import { useDocumentTitle } from '../../hooks/use-document-title';
import { useSubmit } from '../../hooks/use-submit';
import { AuthLayout } from './auth-layout';
import { NewPasswordForm } from './new-password-form';
import { rememberTenant, tenantOfToken } from './tenant-hint';

interface AccountResult {
  email: string;
  tenant_id: string | null;
}

/** The page an invitation mail links to: choose a password, and be signed in straight away. */
export function AcceptInvitePage() {
  useDocumentTitle('Accept the invitation');
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const [accepted, setAccepted] = useState<AccountResult | null>(null);
  const [signedIn, setSignedIn] = useState(false);
  const accept = useSubmit(async (password: string) => {
    const { data } = await api<AccountResult>('/auth/accept-invite', {
      method: 'POST',
      body: { token, password },
      tenant: null,
    });
    setAccepted(data);
    rememberTenant(data.tenant_id ?? '');
    try {
      await signIn({ email: data.email, password, ...(data.tenant_id ? { tenant_id: data.tenant_id } : {}) });
      setSignedIn(true);
    } catch {
      // Accepted all the same: the sign-in link below still works.
    }
  });
  const tenant = accepted?.tenant_id ?? tenantOfToken(token);
  const { branding } = useBranding(tenant, false);
  if (signedIn) return <Navigate to="/overview" replace />;
  return (
    <AuthLayout title="Join your team" branding={branding}>
      {!token ? (
        <p className="notice notice-error" role="alert">
          This page needs the link from your invitation mail. Open the link from the mail again, or ask your
          administrator to invite you again.
        </p>
      ) : accepted ? (
        <div className="stack">
          <p className="notice notice-success" role="status">
            Your account {accepted.email} is ready.
          </p>
          <Link
            className="button button-brand"
            to={`/sign-in?${new URLSearchParams({ email: accepted.email, tenant: tenant ?? '' }).toString()}`}
          >
            Sign in
          </Link>
        </div>
      ) : (
        <div className="stack">
          <p>
            You have been invited to <strong>{branding?.company_name || tenant || 'a workspace'}</strong>.
            Choose the password you will sign in with.
          </p>
          <NewPasswordForm
            submitLabel="Accept and sign in"
            pending={accept.pending}
            error={accept.error}
            onSubmit={(password) => void accept.submit(password)}
            badTokenHelp="Ask the administrator who invited you to send a new invitation."
          />
        </div>
      )}
    </AuthLayout>
  );
}
