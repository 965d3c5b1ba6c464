import { useEffect, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { api } from '../../api/api-client';
import { ErrorPanel } from '../../components/error-panel';
import { LoadingState } from '../../components/loading-state';
import { useDocumentTitle } from '../../hooks/use-document-title';
import { AuthLayout } from './auth-layout';

interface Progress {
  tenant_id: string;
  status: string;
}

const POLL_MS = 1500;

/**
 * Where the signup mail's link lands: it confirms the address (which starts provisioning), then
 * asks again with the same link until the workspace is active, and offers the sign-in.
 */
export function VerifySignupPage() {
  useDocumentTitle('Creating your workspace');
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const [progress, setProgress] = useState<Progress | null>(null);
  const [error, setError] = useState<unknown>(null);
  const done = progress?.status === 'active' || progress?.status === 'failed';
  useEffect(() => {
    if (!token || done || error) return;
    const timer = setTimeout(
      () => {
        api<Progress>('/auth/verify-email', { method: 'POST', body: { token }, tenant: null }).then(
          ({ data }) => setProgress(data),
          (caught: unknown) => setError(caught),
        );
      },
      progress ? POLL_MS : 0,
    );
    return () => clearTimeout(timer);
  }, [token, progress, done, error]);
  const signIn = progress
    ? `/sign-in?${new URLSearchParams({ tenant: progress.tenant_id }).toString()}`
    : '/sign-in';
  return (
    <AuthLayout title="Creating your workspace" branding={null}>
      {!token ? (
        <p className="notice notice-error" role="alert">
          This page needs the link from your signup mail.
        </p>
      ) : error ? (
        <ErrorPanel error={error}>
          <p>
            This link is invalid or expired (links work for 48 hours). <Link to="/signup">Sign up again</Link>{' '}
            for a new one.
          </p>
        </ErrorPanel>
      ) : progress?.status === 'active' ? (
        <p className="notice notice-success" role="status">
          <strong>{progress.tenant_id}</strong> is ready. <Link to={signIn}>Sign in</Link>
        </p>
      ) : progress?.status === 'failed' ? (
        <p className="notice notice-error" role="alert">
          Creating <strong>{progress.tenant_id}</strong> failed. We have been told; please try again later.
        </p>
      ) : (
        <LoadingState
          label={
            progress
              ? `Your address is confirmed. Setting up ${progress.tenant_id}…`
              : 'Confirming your address…'
          }
        />
      )}
    </AuthLayout>
  );
}
