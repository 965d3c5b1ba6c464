import { useState } from 'react';
import { api } from '../../api/api-client';
import { fieldErrors } from '../../api/api-error';
import { FormErrors } from '../../components/form-errors';
import { TextField } from '../../components/text-field';
import { submitForm, useSubmit } from '../../hooks/use-submit';

/** Turns TOTP off again; it takes a current code, so a stolen session alone cannot. */
export function MfaDisable({ onDone }: { onDone: () => void }) {
  const [totp, setTotp] = useState('');
  const [done, setDone] = useState(false);
  const disable = useSubmit(async () => {
    await api('/auth/mfa/disable', { method: 'POST', body: { totp: totp.trim() } });
    setDone(true);
    onDone();
  });
  if (done) {
    return (
      <p className="notice notice-info" role="status">
        Two-factor authentication is off.
      </p>
    );
  }
  return (
    <form onSubmit={submitForm(disable)} className="stack" noValidate>
      <p>Already using two-factor authentication and want to stop? Enter a current code.</p>
      <FormErrors error={disable.error} fields={['totp']} />
      <TextField
        label="Current code"
        value={totp}
        onChange={(event) => setTotp(event.target.value)}
        inputMode="numeric"
        autoComplete="one-time-code"
        errors={fieldErrors(disable.error, 'totp')}
      />
      <button type="submit" className="button button-secondary" disabled={disable.pending || !totp.trim()}>
        Turn off
      </button>
    </form>
  );
}
