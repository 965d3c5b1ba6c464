import { useState } from 'react';
import { api } from '../../api/api-client';
import { fieldErrors } from '../../api/api-error';
import { DEPLOYMENT_STATUSES, type Deployment } from '../../api/types';
import { FormErrors } from '../../components/form-errors';
import { SelectField } from '../../components/select-field';
import { TextField } from '../../components/text-field';
import { submitForm, useSubmit } from '../../hooks/use-submit';
import { FormActions } from '../../components/form-actions';

const FIELDS = ['project_name', 'status', 'url'] as const;

interface DeploymentFormProps {
  deployment: Deployment | null;
  onSaved: (deployment: Deployment) => void;
  onCancel: () => void;
}

/** Create or edit a deployment; edits send only what changed (PATCH). */
export function DeploymentForm({ deployment, onSaved, onCancel }: DeploymentFormProps) {
  const [values, setValues] = useState({
    project_name: deployment?.project_name ?? '',
    status: deployment?.status ?? 'pending',
    url: deployment?.url ?? '',
  });
  const save = useSubmit(async () => {
    const url = values.url.trim();
    if (!deployment) {
      const body = {
        project_name: values.project_name.trim(),
        status: values.status,
        ...(url ? { url } : {}),
      };
      const { data } = await api<Deployment>('/deployments', { method: 'POST', body });
      return onSaved(data);
    }
    const body: Record<string, unknown> = {};
    if (values.project_name.trim() !== deployment.project_name)
      body.project_name = values.project_name.trim();
    if (values.status !== deployment.status) body.status = values.status;
    if (url !== (deployment.url ?? '')) body.url = url || null;
    if (Object.keys(body).length === 0) return onCancel();
    const { data } = await api<Deployment>(`/deployments/${deployment.id}`, { method: 'PATCH', body });
    onSaved(data);
  });
  return (
    <form onSubmit={submitForm(save)} className="stack" noValidate>
      <FormErrors error={save.error} fields={FIELDS} />
      <TextField
        label="Project name"
        value={values.project_name}
        onChange={(event) => setValues({ ...values, project_name: event.target.value })}
        required
        autoFocus
        errors={fieldErrors(save.error, 'project_name')}
      />
      <SelectField
        label="Status"
        options={DEPLOYMENT_STATUSES}
        value={values.status}
        onChange={(event) =>
          setValues({
            ...values,
            status: DEPLOYMENT_STATUSES.find((s) => s === event.target.value) ?? values.status,
          })
        }
        errors={fieldErrors(save.error, 'status')}
      />
      <TextField
        label="URL (optional)"
        type="url"
        value={values.url}
        onChange={(event) => setValues({ ...values, url: event.target.value })}
        placeholder="https://"
        hint="Where the deployment answers, starting with http:// or https://."
        errors={fieldErrors(save.error, 'url')}
      />
      <FormActions
        label={deployment ? 'Save changes' : 'Create deployment'}
        pendingLabel="Saving…"
        pending={save.pending}
        onCancel={onCancel}
      />
    </form>
  );
}
