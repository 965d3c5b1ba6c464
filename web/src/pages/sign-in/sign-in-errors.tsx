import { Link } from 'react-router';
import { isApiError } from '../../api/api-error';
import { ErrorPanel } from '../../components/error-panel';

interface SignInErrorsProps {
  error: unknown;
  tenant: string;
  /** The workspace field already says the tenant does not exist. */
  unknownTenantShown: boolean;
}

/** Sign-in failures in the words a person needs: what is wrong and the next thing to try. */
export function SignInErrors({ error, tenant, unknownTenantShown }: SignInErrorsProps) {
  if (!error) return null;
  if (unknownTenantShown && isApiError(error) && error.code === 'TENANT_NOT_FOUND') return null;
  if (isApiError(error) && error.code === 'UNAUTHENTICATED') {
    return (
      <ErrorPanel error={error}>
        <p>
          Check both{tenant ? ' and the workspace ID (each workspace has its own accounts)' : ''}, or{' '}
          <Link to={`/forgot-password${tenant ? `?tenant=${encodeURIComponent(tenant)}` : ''}`}>
            reset your password
          </Link>
          .
        </p>
      </ErrorPanel>
    );
  }
  if (isApiError(error) && error.code === 'TENANT_NOT_FOUND') {
    return (
      <ErrorPanel error={error}>
        <p>
          There is no workspace “{tenant}”. Check the workspace ID your administrator gave you, or leave it
          empty to sign in as a platform administrator.
        </p>
      </ErrorPanel>
    );
  }
  return <ErrorPanel error={error} />;
}
