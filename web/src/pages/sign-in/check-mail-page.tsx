import { Link, useSearchParams } from 'react-router';
import { useDocumentTitle } from '../../hooks/use-document-title';
import { AuthLayout } from './auth-layout';

/** After a signup: the link that creates the workspace is in the mail, for 48 hours. */
export function CheckMailPage() {
  useDocumentTitle('Check your mail');
  const [params] = useSearchParams();
  const email = params.get('email') ?? 'your address';
  const tenant = params.get('tenant');
  return (
    <AuthLayout title="Check your mail" branding={null}>
      <div className="stack">
        <p className="notice notice-success" role="status">
          We sent a link to <strong>{email}</strong>. Open it to create{' '}
          {tenant ? <strong>{tenant}</strong> : 'your workspace'}.
        </p>
        <p>The link works for 48 hours; until then nobody else can take the workspace ID.</p>
        <p className="muted">
          No mail? Look in your spam folder, or <Link to="/signup">sign up again</Link> with the same address
          and workspace ID for a new link.
        </p>
        <Link to="/sign-in">Back to sign-in</Link>
      </div>
    </AuthLayout>
  );
}
