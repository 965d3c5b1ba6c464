import { type FormEvent, useState } from 'react';
import { api } from '../../api/api-client';
import { fieldErrors } from '../../api/api-error';
import { WORKFLOW_STATUSES, type Workflow } from '../../api/types';
import { FormErrors } from '../../components/form-errors';
import { SelectField } from '../../components/select-field';
import { TextAreaField } from '../../components/text-area-field';
import { TextField } from '../../components/text-field';
import { useSubmit } from '../../hooks/use-submit';
import { FormActions } from '../../components/form-actions';

const FIELDS = ['name', 'status', 'config'] as const;

interface WorkflowFormProps {
  workflow: Workflow | null;
  onSaved: (workflow: Workflow) => void;
  onCancel: () => void;
}

/** A JSON object from the text area, or the reason it is not one. */
function parseConfig(text: string): { config?: Record<string, unknown>; problem?: string } {
  if (!text.trim()) return { config: {} };
  try {
    const value: unknown = JSON.parse(text);
    if (value === null || typeof value !== 'object' || Array.isArray(value))
      return { problem: 'must be a JSON object, like {"steps": []}' };
    return { config: value as Record<string, unknown> };
  } catch (error) {
    return { problem: `is not valid JSON (${error instanceof Error ? error.message : 'syntax error'})` };
  }
}

/** Create or edit a workflow; its configuration is free-form JSON. */
export function WorkflowForm({ workflow, onSaved, onCancel }: WorkflowFormProps) {
  const [name, setName] = useState(workflow?.name ?? '');
  const [status, setStatus] = useState(workflow?.status ?? 'active');
  const [configText, setConfigText] = useState(workflow ? JSON.stringify(workflow.config, null, 2) : '{}');
  const [configProblem, setConfigProblem] = useState<string | null>(null);
  const save = useSubmit(async (config: Record<string, unknown>) => {
    if (!workflow) {
      const { data } = await api<Workflow>('/workflows', {
        method: 'POST',
        body: { name: name.trim(), status, config },
      });
      return onSaved(data);
    }
    const body: Record<string, unknown> = {};
    if (name.trim() !== workflow.name) body.name = name.trim();
    if (status !== workflow.status) body.status = status;
    if (JSON.stringify(config) !== JSON.stringify(workflow.config)) body.config = config;
    if (Object.keys(body).length === 0) return onCancel();
    const { data } = await api<Workflow>(`/workflows/${workflow.id}`, { method: 'PATCH', body });
    onSaved(data);
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const { config, problem } = parseConfig(configText);
    setConfigProblem(problem ?? null);
    if (config) void save.submit(config);
  };
  return (
    <form onSubmit={submit} className="stack" noValidate>
      <FormErrors error={save.error} fields={FIELDS} />
      <TextField
        label="Name"
        value={name}
        onChange={(event) => setName(event.target.value)}
        required
        autoFocus
        errors={fieldErrors(save.error, 'name')}
      />
      <SelectField
        label="Status"
        options={WORKFLOW_STATUSES}
        value={status}
        onChange={(event) => setStatus(WORKFLOW_STATUSES.find((s) => s === event.target.value) ?? status)}
        errors={fieldErrors(save.error, 'status')}
      />
      <TextAreaField
        label="Configuration (JSON)"
        value={configText}
        onChange={(event) => setConfigText(event.target.value)}
        rows={6}
        spellCheck={false}
        className="code"
        errors={[
          ...(configProblem ? [`The configuration ${configProblem}`] : []),
          ...fieldErrors(save.error, 'config'),
        ]}
      />
      <FormActions
        label={workflow ? 'Save changes' : 'Create workflow'}
        pendingLabel="Saving…"
        pending={save.pending}
        onCancel={onCancel}
      />
    </form>
  );
}
