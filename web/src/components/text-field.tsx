import { type InputHTMLAttributes, type ReactNode, useId } from 'react';
import { describedBy, FieldFrame } from './field-frame';

interface TextFieldProps extends InputHTMLAttributes<HTMLInputElement> {
  label: string;
  hint?: ReactNode;
  errors?: string[];
}

/** A labelled input showing the API's VALIDATION_FAILED messages beside it. */
export function TextField({ label, hint, errors = [], id, ...input }: TextFieldProps) {
  const autoId = useId();
  const fieldId = id ?? autoId;
  return (
    <FieldFrame id={fieldId} label={label} hint={hint} errors={errors}>
      <input
        id={fieldId}
        aria-invalid={errors.length > 0 || undefined}
        aria-describedby={describedBy(fieldId, hint, errors)}
        {...input}
      />
    </FieldFrame>
  );
}
