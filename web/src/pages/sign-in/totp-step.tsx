import { type FormEvent, useState } from 'react';
import { TextField } from '../../components/text-field';

interface TotpStepProps {
  onSubmit: (code: { totp?: string; recovery_code?: string }) => void;
  onBack: () => void;
  pending: boolean;
  /** The code sent last was refused. */
  rejected: boolean;
}

/** The second factor, asked for only when the API answers that this account needs `totp`. */
export function TotpStep({ onSubmit, onBack, pending, rejected }: TotpStepProps) {
  const [code, setCode] = useState('');
  const [recovery, setRecovery] = useState(false);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const value = code.trim().replace(/\s+/g, '');
    onSubmit(recovery ? { recovery_code: value } : { totp: value });
  };
  const refused = recovery
    ? 'This recovery code did not work. Each code works once: try another of your saved codes.'
    : 'This code did not work. Codes change every 30 seconds: enter the one your app shows now.';
  return (
    <form onSubmit={submit} className="stack" noValidate>
      <p>
        {recovery
          ? 'Enter one of the recovery codes you saved when you turned on two-factor authentication.'
          : 'This account uses two-factor authentication. Enter the 6-digit code from your authenticator app.'}
      </p>
      <TextField
        key={recovery ? 'recovery' : 'totp'}
        label={recovery ? 'Recovery code' : 'Authentication code'}
        name={recovery ? 'recovery_code' : 'totp'}
        value={code}
        onChange={(event) => setCode(event.target.value)}
        inputMode={recovery ? 'text' : 'numeric'}
        autoComplete="one-time-code"
        autoFocus
        required
        errors={rejected ? [refused] : []}
      />
      <button type="submit" className="button button-brand button-wide" disabled={pending || !code.trim()}>
        {pending ? 'Checking…' : 'Verify'}
      </button>
      <p className="auth-links">
        <button type="button" className="link-button" onClick={() => setRecovery((r) => !r)}>
          {recovery ? 'Use the authenticator app instead' : 'Use a recovery code instead'}
        </button>
        <button type="button" className="link-button" onClick={onBack}>
          Back
        </button>
      </p>
    </form>
  );
}
