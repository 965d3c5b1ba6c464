import { useState } from 'react';
import { api } from '../../api/api-client';
import type { User } from '../../api/types';
import { FormActions } from '../../components/form-actions';
import { FormErrors } from '../../components/form-errors';
import { submitForm, useSubmit } from '../../hooks/use-submit';
import { PROFILE_FIELDS, profileBody, type ProfileValues, UserProfileFields } from './user-profile-fields';

/** Changes a user's name, job title and department. */
export function EditProfileForm({
  user,
  onDone,
  onCancel,
}: {
  user: User;
  onDone: () => void;
  onCancel: () => void;
}) {
  const [values, setValues] = useState<ProfileValues>({
    name: user.name ?? '',
    job_title: user.job_title ?? '',
    department: user.department ?? '',
  });
  const save = useSubmit(async () => {
    await api(`/users/${user.id}`, { method: 'PATCH', body: profileBody(values) });
    onDone();
  });
  return (
    <form onSubmit={submitForm(save)} className="stack" noValidate>
      <FormErrors error={save.error} fields={PROFILE_FIELDS} />
      <UserProfileFields values={values} onChange={setValues} error={save.error} />
      <FormActions label="Save" pendingLabel="Saving…" pending={save.pending} onCancel={onCancel} />
    </form>
  );
}
