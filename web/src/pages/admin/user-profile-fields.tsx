import { fieldErrors } from '../../api/api-error';
import { TextField } from '../../components/text-field';

/** Seed 002's profile of a tenant user; empty text clears a field. */
export interface ProfileValues {
  name: string;
  job_title: string;
  department: string;
}

export const EMPTY_PROFILE: ProfileValues = { name: '', job_title: '', department: '' };
export const PROFILE_FIELDS = ['name', 'job_title', 'department'] as const;

/** The profile as the API takes it: trimmed, empty fields as null. */
export function profileBody(values: ProfileValues): Record<keyof ProfileValues, string | null> {
  return {
    name: values.name.trim() || null,
    job_title: values.job_title.trim() || null,
    department: values.department.trim() || null,
  };
}

/** Name, job title and department inputs, with the API's messages beside each. */
export function UserProfileFields({
  values,
  onChange,
  error,
}: {
  values: ProfileValues;
  onChange: (values: ProfileValues) => void;
  error: unknown;
}) {
  const set = (key: keyof ProfileValues) => (event: { target: { value: string } }) =>
    onChange({ ...values, [key]: event.target.value });
  return (
    <div className="stack">
      <TextField
        label="Name"
        value={values.name}
        onChange={set('name')}
        maxLength={200}
        errors={fieldErrors(error, 'name')}
      />
      <TextField
        label="Job title"
        value={values.job_title}
        onChange={set('job_title')}
        maxLength={200}
        errors={fieldErrors(error, 'job_title')}
      />
      <TextField
        label="Department"
        value={values.department}
        onChange={set('department')}
        maxLength={200}
        errors={fieldErrors(error, 'department')}
      />
    </div>
  );
}
