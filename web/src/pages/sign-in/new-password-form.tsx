import { type FormEvent, useState } from 'react';
import { fieldErrors } from '../../api/api-error';
import { FormErrors } from '../../components/form-errors';
import { TextField } from '../../components/text-field';

interface NewPasswordFormProps {
  submitLabel: string;
  pending: boolean;
  error: unknown;
  onSubmit: (password: string) => void;
  /** What to do when the link's token is refused (used, expired or wrong). */
  badTokenHelp: string;
}

const MIN_LENGTH = 8;

/** Choose a password twice; the API's own rules come back beside the field. */
export function NewPasswordForm({
  submitLabel,
  pending,
  error,
  onSubmit,
  badTokenHelp,
}: NewPasswordFormProps) {
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const [checked, setChecked] = useState(false);
  const tooShort = password.length < MIN_LENGTH;
  const mismatch = repeat !== password;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setChecked(true);
    if (!tooShort && !mismatch) onSubmit(password);
  };
  const tokenRefused = fieldErrors(error, 'token').length > 0;
  return (
    <form onSubmit={submit} className="stack" noValidate>
      {tokenRefused ? (
        <div className="notice notice-error" role="alert">
          <p className="notice-title">This link does not work</p>
          <p>It is wrong, expired or already used. {badTokenHelp}</p>
        </div>
      ) : (
        <FormErrors error={error} fields={['password']} />
      )}
      <TextField
        label="New password"
        type="password"
        value={password}
        onChange={(event) => setPassword(event.target.value)}
        autoComplete="new-password"
        required
        hint={`At least ${MIN_LENGTH} characters.`}
        errors={[
          ...(checked && tooShort ? [`Use at least ${MIN_LENGTH} characters.`] : []),
          ...fieldErrors(error, 'password'),
        ]}
      />
      <TextField
        label="Repeat the password"
        type="password"
        value={repeat}
        onChange={(event) => setRepeat(event.target.value)}
        autoComplete="new-password"
        required
        errors={checked && mismatch ? ['The two passwords differ.'] : []}
      />
      <button type="submit" className="button button-brand button-wide" disabled={pending}>
        {pending ? 'Saving…' : submitLabel}
      </button>
    </form>
  );
}
