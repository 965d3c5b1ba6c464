import { useState } from 'react';
import { api } from '../../api/api-client';
import { fieldErrors, isApiError } from '../../api/api-error';
import type { User } from '../../api/types';
import { FormErrors } from '../../components/form-errors';
import { SelectField } from '../../components/select-field';
import { TextField } from '../../components/text-field';
import { submitForm, useSubmit } from '../../hooks/use-submit';
import { LimitExceededNotice } from './limit-exceeded-notice';
import { FormActions } from '../../components/form-actions';
import {
  EMPTY_PROFILE,
  PROFILE_FIELDS,
  profileBody,
  type ProfileValues,
  UserProfileFields,
} from './user-profile-fields';

const FIELDS = ['email', 'role', 'password', ...PROFILE_FIELDS] as const;

interface InviteUserFormProps {
  roles: string[];
  onDone: (user: User) => void;
  onCancel: () => void;
}

/** Invites a user by mail, or adds an active user with a password set by the administrator. */
export function InviteUserForm({ roles, onDone, onCancel }: InviteUserFormProps) {
  const [email, setEmail] = useState('');
  const [role, setRole] = useState(roles.includes('member') ? 'member' : (roles[0] ?? 'member'));
  const [withPassword, setWithPassword] = useState(false);
  const [password, setPassword] = useState('');
  const [profile, setProfile] = useState<ProfileValues>(EMPTY_PROFILE);
  const invite = useSubmit(async () => {
    const body = {
      email: email.trim(),
      role,
      ...profileBody(profile),
      ...(withPassword ? { password } : {}),
    };
    const { data } = await api<User>('/users', { method: 'POST', body });
    onDone(data);
  });
  const limit = isApiError(invite.error) && invite.error.code === 'LIMIT_EXCEEDED' ? invite.error : null;
  return (
    <form onSubmit={submitForm(invite)} className="stack" noValidate>
      {limit ? <LimitExceededNotice error={limit} /> : <FormErrors error={invite.error} fields={FIELDS} />}
      <TextField
        label="Email"
        type="email"
        value={email}
        onChange={(event) => setEmail(event.target.value)}
        required
        autoFocus
        errors={fieldErrors(invite.error, 'email')}
      />
      <SelectField
        label="Role"
        options={roles}
        value={role}
        onChange={(event) => setRole(event.target.value)}
        errors={fieldErrors(invite.error, 'role')}
      />
      <UserProfileFields values={profile} onChange={setProfile} error={invite.error} />
      <label className="checkbox">
        <input
          type="checkbox"
          checked={withPassword}
          onChange={(event) => setWithPassword(event.target.checked)}
        />
        Set a password now instead of mailing an invitation
      </label>
      {withPassword && (
        <TextField
          label="Password"
          type="password"
          value={password}
          onChange={(event) => setPassword(event.target.value)}
          autoComplete="new-password"
          hint="At least 8 characters. Give it to the person safely; they can change it later."
          errors={fieldErrors(invite.error, 'password')}
        />
      )}
      <FormActions
        label={withPassword ? 'Add user' : 'Send invitation'}
        pendingLabel="Sending…"
        pending={invite.pending}
        onCancel={onCancel}
      />
    </form>
  );
}
