import { type FormEvent, useMemo, useState } from 'react';
import { api } from '../../api/api-client';
import { fieldErrors } from '../../api/api-error';
import type { EntryType } from '../../api/types';
import { FormActions } from '../../components/form-actions';
import { FormErrors } from '../../components/form-errors';
import { TextAreaField } from '../../components/text-area-field';
import { TextField } from '../../components/text-field';
import { useSubmit } from '../../hooks/use-submit';
import type { SchemaNode } from './entry-schema';
import { SchemaForm } from './schema-form';

const STARTER = { type: 'object', required: ['name'], properties: { name: { type: 'string' } } };

interface EntryTypeEditorProps {
  type: EntryType | null;
  onSaved: () => void;
  onCancel: () => void;
}

/** Key, name, feature and the JSON Schema, with the form the schema builds previewed beside it. */
export function EntryTypeEditor({ type, onSaved, onCancel }: EntryTypeEditorProps) {
  const [key, setKey] = useState(type?.key ?? '');
  const [name, setName] = useState(type?.name ?? '');
  const [feature, setFeature] = useState(type?.feature ?? '');
  const [schemaText, setSchemaText] = useState(JSON.stringify(type?.schema ?? STARTER, null, 2));
  const parsed = useMemo(() => {
    try {
      const value = JSON.parse(schemaText) as unknown;
      return value && typeof value === 'object' && !Array.isArray(value)
        ? { schema: value as SchemaNode }
        : { problem: 'The schema must be a JSON object' };
    } catch (error) {
      return {
        problem: `The schema is not valid JSON (${error instanceof Error ? error.message : 'syntax error'})`,
      };
    }
  }, [schemaText]);
  const save = useSubmit(async () => {
    if (!parsed.schema) return;
    const body = { name: name.trim(), schema: parsed.schema, feature: feature.trim() || null };
    if (type) await api(`/entry-types/${type.key}`, { method: 'PATCH', body });
    else await api('/entry-types', { method: 'POST', body: { key: key.trim(), ...body } });
    onSaved();
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (parsed.schema) void save.submit();
  };
  return (
    <div className="editor-split">
      <form onSubmit={submit} className="stack" noValidate>
        <FormErrors error={save.error} fields={['key', 'name', 'feature', 'schema']} />
        {!type && (
          <TextField
            label="Key"
            hint="Lowercase letters, digits and _; used in URLs"
            value={key}
            onChange={(e) => setKey(e.target.value)}
            errors={fieldErrors(save.error, 'key')}
            required
          />
        )}
        <TextField
          label="Name"
          value={name}
          onChange={(e) => setName(e.target.value)}
          errors={fieldErrors(save.error, 'name')}
          required
        />
        <TextField
          label="Feature (optional)"
          hint="A feature key that switches this type on"
          value={feature}
          onChange={(e) => setFeature(e.target.value)}
          errors={fieldErrors(save.error, 'feature')}
        />
        <TextAreaField
          label="JSON Schema (draft 2020-12)"
          rows={16}
          spellCheck={false}
          className="code"
          value={schemaText}
          onChange={(e) => setSchemaText(e.target.value)}
          errors={[...(parsed.problem ? [parsed.problem] : []), ...fieldErrors(save.error, 'schema')]}
        />
        <FormActions
          label={type ? 'Save type' : 'Create type'}
          pendingLabel="Saving…"
          pending={save.pending}
          onCancel={onCancel}
        />
      </form>
      <section aria-label="Schema preview" className="card">
        <h2 className="card-title">Preview</h2>
        {parsed.schema ? (
          <SchemaForm key={schemaText} schema={parsed.schema} preview />
        ) : (
          <p className="muted">Fix the schema to see its form.</p>
        )}
      </section>
    </div>
  );
}
