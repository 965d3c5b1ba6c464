import { fieldErrors } from '../../api/api-error';
import { SelectField } from '../../components/select-field';
import { TextAreaField } from '../../components/text-area-field';
import { TextField } from '../../components/text-field';
import type { FieldSpec } from './entry-schema';

/** The text a field's input holds, from the entry's value. */
export function toText(field: FieldSpec, value: unknown): string {
  if (value === undefined || value === null) return '';
  if (field.kind === 'list') return Array.isArray(value) ? value.join('\n') : '';
  if (field.kind === 'json') return JSON.stringify(value, null, 2);
  return String(value);
}

/** The value to send for a field's text; undefined leaves the field out; a string result from json is a problem. */
export function fromText(field: FieldSpec, text: string): { value?: unknown; problem?: string } {
  if (text.trim() === '' && field.kind !== 'boolean') return {};
  switch (field.kind) {
    case 'number':
    case 'integer': {
      const n = Number(text);
      return Number.isFinite(n) ? { value: n } : { problem: 'must be a number' };
    }
    case 'boolean':
      return text === '' ? {} : { value: text === 'true' };
    case 'choice': {
      const match = (field.node.enum ?? []).find((v) => String(v) === text);
      return { value: match ?? text };
    }
    case 'list':
      return {
        value: text
          .split('\n')
          .map((line) => line.trim())
          .filter(Boolean),
      };
    case 'json':
      try {
        return { value: JSON.parse(text) as unknown };
      } catch {
        return { problem: 'is not valid JSON' };
      }
    default:
      return { value: text };
  }
}

interface FieldInputProps {
  field: FieldSpec;
  text: string;
  onChange: (text: string) => void;
  error: unknown;
  problem?: string;
  disabled?: boolean;
}

/** One field of a schema-built form, with the API's messages for `data.<field>` beside it. */
export function FieldInput({ field, text, onChange, error, problem, disabled }: FieldInputProps) {
  const errors = [
    ...(problem ? [`${field.label} ${problem}`] : []),
    ...fieldErrors(error, `data.${field.name}`),
  ];
  const label = field.required ? `${field.label} *` : field.label;
  const common = { label, errors, disabled, name: field.name };
  if (field.kind === 'choice' || field.kind === 'boolean') {
    const values = field.kind === 'boolean' ? ['true', 'false'] : (field.node.enum ?? []).map(String);
    return (
      <SelectField
        {...common}
        options={[{ value: '', label: '—' }, ...values.map((v) => ({ value: v, label: v }))]}
        value={text}
        onChange={(event) => onChange(event.target.value)}
      />
    );
  }
  if (field.kind === 'list' || field.kind === 'json') {
    return (
      <TextAreaField
        {...common}
        hint={field.kind === 'list' ? 'One per line' : 'JSON'}
        rows={field.kind === 'list' ? 3 : 5}
        value={text}
        className={field.kind === 'json' ? 'code' : undefined}
        onChange={(event) => onChange(event.target.value)}
      />
    );
  }
  const type =
    { email: 'email', date: 'date', number: 'number', integer: 'number' }[field.kind as string] ?? 'text';
  return (
    <TextField
      {...common}
      type={type}
      step={field.kind === 'number' ? 'any' : undefined}
      hint={field.kind === 'ref' ? `Id of a ${field.node['x-entry-ref']} entry` : undefined}
      value={text}
      onChange={(event) => onChange(event.target.value)}
    />
  );
}
