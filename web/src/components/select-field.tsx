import { type ReactNode, type SelectHTMLAttributes, useId } from 'react';
import { describedBy, FieldFrame } from './field-frame';

export interface Option {
  value: string;
  label: string;
}

interface SelectFieldProps extends SelectHTMLAttributes<HTMLSelectElement> {
  label: string;
  options: readonly (Option | string)[];
  hint?: ReactNode;
  errors?: string[];
}

/** A labelled select; plain strings are both value and label. */
export function SelectField({ label, options, hint, errors = [], id, ...select }: SelectFieldProps) {
  const autoId = useId();
  const fieldId = id ?? autoId;
  return (
    <FieldFrame id={fieldId} label={label} hint={hint} errors={errors}>
      <select
        id={fieldId}
        aria-invalid={errors.length > 0 || undefined}
        aria-describedby={describedBy(fieldId, hint, errors)}
        {...select}
      >
        {options.map((option) => {
          const { value, label: text } =
            typeof option === 'string' ? { value: option, label: option } : option;
          return (
            <option key={value} value={value}>
              {text}
            </option>
          );
        })}
      </select>
    </FieldFrame>
  );
}
