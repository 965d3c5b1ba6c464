import { useState } from 'react';
import { api } from '../../api/api-client';
import { fieldErrors } from '../../api/api-error';
import { ErrorPanel } from '../../components/error-panel';
import { SecretReveal } from '../../components/secret-reveal';
import { TextField } from '../../components/text-field';
import { submitForm, useSubmit } from '../../hooks/use-submit';

interface Enrollment {
  secret: string;
  otpauth_url: string;
}

/** Turns on TOTP: a secret for the authenticator app, one code to prove it works, then recovery codes. */
export function MfaEnrolment({ onDone }: { onDone: () => void }) {
  const [enrollment, setEnrollment] = useState<Enrollment | null>(null);
  const [codes, setCodes] = useState<string[] | null>(null);
  const [totp, setTotp] = useState('');
  const start = useSubmit(async () => {
    const { data } = await api<Enrollment>('/auth/mfa/enroll', { method: 'POST' });
    setEnrollment(data);
  });
  const confirm = useSubmit(async () => {
    const { data } = await api<{ recovery_codes: string[] }>('/auth/mfa/confirm', {
      method: 'POST',
      body: { totp: totp.trim() },
    });
    setCodes(data.recovery_codes);
  });
  if (codes) {
    return (
      <div className="stack">
        <p className="notice notice-success" role="status">
          Two-factor authentication is on. From now on, signing in asks for a code.
        </p>
        <SecretReveal label="recovery codes" secret={codes.join('  ')} />
        <p>
          Each recovery code works once, when you cannot use your authenticator app. Keep them somewhere safe.
        </p>
        <button type="button" className="button" onClick={onDone}>
          I saved them
        </button>
      </div>
    );
  }
  if (!enrollment) {
    return (
      <div className="stack">
        <p>Add a second step to signing in: a 6-digit code from an authenticator app on your phone.</p>
        {start.error !== null && <ErrorPanel error={start.error} />}
        <button type="button" className="button" disabled={start.pending} onClick={() => void start.submit()}>
          Turn on two-factor authentication
        </button>
      </div>
    );
  }
  return (
    <form onSubmit={submitForm(confirm)} className="stack" noValidate>
      <p>
        In your authenticator app, add an account with this key (or open the{' '}
        <a href={enrollment.otpauth_url}>setup link</a> on your phone):
      </p>
      <p>
        <code className="secret">{enrollment.secret}</code>
      </p>
      <TextField
        label="Code from the app"
        value={totp}
        onChange={(event) => setTotp(event.target.value)}
        inputMode="numeric"
        autoComplete="one-time-code"
        errors={fieldErrors(confirm.error, 'totp')}
      />
      {confirm.error !== null && fieldErrors(confirm.error, 'totp').length === 0 && (
        <ErrorPanel error={confirm.error} />
      )}
      <button type="submit" className="button" disabled={confirm.pending || !totp.trim()}>
        Confirm
      </button>
    </form>
  );
}
