import { useEffect, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { api } from '../../api/api-client';
import { ErrorPanel } from '../../components/error-panel';
import { LoadingState } from '../../components/loading-state';
import { useDocumentTitle } from '../../hooks/use-document-title';
import { AuthLayout } from './auth-layout';

/** The page a verification mail links to: confirms the address as soon as it opens. */
export function VerifyEmailPage() {
  useDocumentTitle('Confirm your address');
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const [state, setState] = useState<{ done?: string; error?: unknown }>({});
  useEffect(() => {
    if (!token) return;
    api<{ email: string }>('/auth/verify-email', { method: 'POST', body: { token }, tenant: null }).then(
      ({ data }) => setState({ done: data.email }),
      (error: unknown) => setState({ error }),
    );
  }, [token]);
  return (
    <AuthLayout title="Confirm your address" branding={null}>
      {!token ? (
        <p className="notice notice-error" role="alert">
          This page needs the link from your confirmation mail.
        </p>
      ) : state.done ? (
        <p className="notice notice-success" role="status">
          {state.done} is confirmed. <Link to="/sign-in">Sign in</Link>
        </p>
      ) : state.error ? (
        <ErrorPanel error={state.error}>
          <p>This link is invalid, expired or already used. Sign in and ask for a new confirmation mail.</p>
        </ErrorPanel>
      ) : (
        <LoadingState label="Confirming your address…" />
      )}
    </AuthLayout>
  );
}
