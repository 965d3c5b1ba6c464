import { useState } from 'react';
import { Navigate, useSearchParams } from 'react-router';
import { isApiError } from '../../api/api-error';
import { sessionStore } from '../../api/session-store';
import { signIn } from '../../auth/auth-api';
import { useSession } from '../../auth/use-session';
import { useBranding } from '../../hooks/use-branding';
import { useDebouncedValue } from '../../hooks/use-debounced-value';
import { useDocumentTitle } from '../../hooks/use-document-title';
import { AuthLayout } from './auth-layout';
import { type Credentials, PasswordStep } from './password-step';
import { SignInErrors } from './sign-in-errors';
import { initialTenant, rememberTenant, safeNext } from './tenant-hint';
import { TotpStep } from './totp-step';

/** The API's way of saying "now the second factor": 401 with a detail on `totp`. */
function asksForTotp(error: unknown): boolean {
  return isApiError(error) && error.status === 401 && error.details.some((d) => d.path === 'totp');
}

/** Sign-in, branded with the workspace named by the link, the host or the field (seed 001). */
export function SignInPage() {
  useDocumentTitle('Sign in');
  const [params] = useSearchParams();
  const session = useSession();
  const [values, setValues] = useState<Credentials>(() => ({
    tenant: initialTenant(params),
    email: params.get('email') ?? '',
    password: '',
  }));
  const [step, setStep] = useState<'password' | 'totp'>('password');
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [codeRejected, setCodeRejected] = useState(false);
  const tenant = useDebouncedValue(values.tenant.trim().toLowerCase(), 350);
  const { branding, unknownTenant } = useBranding(tenant || null, false);
  const endedReason = sessionStore.endedReason();

  if (session) return <Navigate to={safeNext(params.get('next'))} replace />;

  const attempt = async (second: { totp?: string; recovery_code?: string } = {}) => {
    setPending(true);
    setError(null);
    const tenantId = values.tenant.trim().toLowerCase();
    try {
      await signIn({
        email: values.email.trim(),
        password: values.password,
        ...(tenantId ? { tenant_id: tenantId } : {}),
        ...second,
      });
      rememberTenant(tenantId);
    } catch (caught) {
      if (asksForTotp(caught)) {
        setCodeRejected(step === 'totp');
        setStep('totp');
      } else {
        setError(caught);
      }
      setPending(false);
    }
  };

  return (
    <AuthLayout title={step === 'totp' ? 'Two-factor authentication' : 'Sign in'} branding={branding}>
      {endedReason && step === 'password' && !error && (
        <p className="notice notice-info" role="status">
          {endedReason}
        </p>
      )}
      <SignInErrors error={error} tenant={values.tenant.trim()} unknownTenantShown={unknownTenant} />
      {step === 'password' ? (
        <PasswordStep
          values={values}
          onChange={setValues}
          onSubmit={() => void attempt()}
          pending={pending}
          error={error}
          unknownTenant={unknownTenant}
        />
      ) : (
        <TotpStep
          onSubmit={(code) => void attempt(code)}
          onBack={() => {
            setStep('password');
            setCodeRejected(false);
          }}
          pending={pending}
          rejected={codeRejected}
        />
      )}
    </AuthLayout>
  );
}
