import { type FormEvent, useState } from 'react';
import { otherFieldErrors } from '../../api/api-error';
import { FormActions } from '../../components/form-actions';
import { fieldsOf, type SchemaNode } from './entry-schema';
import { FieldInput, fromText, toText } from './schema-form-fields';

interface SchemaFormProps {
  schema: SchemaNode;
  initial?: Record<string, unknown>;
  error?: unknown;
  pending?: boolean;
  submitLabel?: string;
  /** A preview: fields shown, nothing submitted. */
  preview?: boolean;
  onSubmit?: (data: Record<string, unknown>) => void;
  onCancel?: () => void;
}

/**
 * A form built from a type's JSON Schema: one input per top-level field, chosen by its type,
 * format, enum or `x-entry-ref`; the server validates and its `data.<field>` messages show beside
 * each input.
 */
export function SchemaForm({
  schema,
  initial = {},
  error,
  pending,
  submitLabel,
  preview,
  onSubmit,
  onCancel,
}: SchemaFormProps) {
  const fields = fieldsOf(schema);
  const [texts, setTexts] = useState<Record<string, string>>(() =>
    Object.fromEntries(fields.map((f) => [f.name, toText(f, initial[f.name])])),
  );
  const [problems, setProblems] = useState<Record<string, string>>({});
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (preview || !onSubmit) return;
    const data: Record<string, unknown> = {};
    const found: Record<string, string> = {};
    for (const field of fields) {
      const { value, problem } = fromText(field, texts[field.name] ?? '');
      if (problem) found[field.name] = problem;
      else if (value !== undefined) data[field.name] = value;
    }
    setProblems(found);
    if (Object.keys(found).length === 0) onSubmit(data);
  };
  const others = otherFieldErrors(
    error,
    fields.map((f) => `data.${f.name}`),
  );
  return (
    <form onSubmit={submit} className="stack" noValidate aria-label={preview ? 'Form preview' : undefined}>
      {others.length > 0 && (
        <div role="alert" className="notice notice-error">
          <ul>
            {others.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        </div>
      )}
      {fields.length === 0 && <p className="muted">This schema declares no fields.</p>}
      {fields.map((field) => (
        <FieldInput
          key={field.name}
          field={field}
          text={texts[field.name] ?? ''}
          problem={problems[field.name]}
          error={error}
          disabled={preview}
          onChange={(text) => setTexts((t) => ({ ...t, [field.name]: text }))}
        />
      ))}
      {!preview && (
        <FormActions
          label={submitLabel ?? 'Save'}
          pendingLabel="Saving…"
          pending={pending ?? false}
          onCancel={onCancel ?? (() => undefined)}
        />
      )}
    </form>
  );
}
