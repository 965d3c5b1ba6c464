import { type ReactNode, type TextareaHTMLAttributes, useId } from 'react';
import { describedBy, FieldFrame } from './field-frame';

interface TextAreaFieldProps extends TextareaHTMLAttributes<HTMLTextAreaElement> {
  label: string;
  hint?: ReactNode;
  errors?: string[];
}

/** A labelled multi-line input (JSON configuration, mappings). */
export function TextAreaField({ label, hint, errors = [], id, ...area }: TextAreaFieldProps) {
  const autoId = useId();
  const fieldId = id ?? autoId;
  return (
    <FieldFrame id={fieldId} label={label} hint={hint} errors={errors}>
      <textarea
        id={fieldId}
        aria-invalid={errors.length > 0 || undefined}
        aria-describedby={describedBy(fieldId, hint, errors)}
        {...area}
      />
    </FieldFrame>
  );
}
