import { type FormEvent, useState } from 'react';
import { Link } from 'react-router';
import { fieldErrors } from '../../api/api-error';
import { TextField } from '../../components/text-field';

export interface Credentials {
  tenant: string;
  email: string;
  password: string;
}

interface PasswordStepProps {
  values: Credentials;
  onChange: (values: Credentials) => void;
  onSubmit: () => void;
  pending: boolean;
  error: unknown;
  unknownTenant: boolean;
}

/** Workspace, email and password: the first step of signing in. */
export function PasswordStep({
  values,
  onChange,
  onSubmit,
  pending,
  error,
  unknownTenant,
}: PasswordStepProps) {
  const [checked, setChecked] = useState(false);
  const set = (patch: Partial<Credentials>) => onChange({ ...values, ...patch });
  const missing = (value: string, what: string) => (checked && !value.trim() ? [`Enter your ${what}.`] : []);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setChecked(true);
    if (values.email.trim() && values.password) onSubmit();
  };
  const forgot = `/forgot-password?${new URLSearchParams({ tenant: values.tenant, email: values.email }).toString()}`;
  return (
    <form onSubmit={submit} className="stack" noValidate>
      <TextField
        label="Workspace ID"
        name="tenant"
        value={values.tenant}
        onChange={(event) => set({ tenant: event.target.value })}
        autoComplete="organization"
        autoCapitalize="none"
        spellCheck={false}
        hint={unknownTenant ? undefined : 'Leave empty if you are a platform administrator.'}
        errors={
          unknownTenant
            ? [
                'No workspace has this ID. Check the spelling, or leave it empty to sign in as a platform administrator.',
              ]
            : fieldErrors(error, 'tenant_id')
        }
      />
      <TextField
        label="Email"
        name="email"
        type="email"
        value={values.email}
        onChange={(event) => set({ email: event.target.value })}
        autoComplete="username"
        required
        errors={[...missing(values.email, 'email address'), ...fieldErrors(error, 'email')]}
      />
      <TextField
        label="Password"
        name="password"
        type="password"
        value={values.password}
        onChange={(event) => set({ password: event.target.value })}
        autoComplete="current-password"
        required
        errors={[...missing(values.password, 'password'), ...fieldErrors(error, 'password')]}
      />
      <button type="submit" className="button button-brand button-wide" disabled={pending}>
        {pending ? 'Signing in…' : 'Sign in'}
      </button>
      <p className="auth-links">
        <Link to={forgot}>Forgot your password?</Link>
        <Link to="/signup">Create a workspace</Link>
        <Link to="/request-demo">Request a demo</Link>
      </p>
    </form>
  );
}
