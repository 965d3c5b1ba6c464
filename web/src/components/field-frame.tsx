import type { ReactNode } from 'react';

interface FieldFrameProps {
  id: string;
  label: string;
  hint?: ReactNode;
  errors: string[];
  children: ReactNode;
}

/** Label, control, hint and the API's messages for this field, tied together for assistive tech. */
export function FieldFrame({ id, label, hint, errors, children }: FieldFrameProps) {
  return (
    <div className={errors.length > 0 ? 'field field-invalid' : 'field'}>
      <label htmlFor={id}>{label}</label>
      {children}
      {hint && (
        <p id={`${id}-hint`} className="field-hint">
          {hint}
        </p>
      )}
      {errors.length > 0 && (
        <p id={`${id}-error`} className="field-error">
          {errors.join('; ')}
        </p>
      )}
    </div>
  );
}

/** aria-describedby for a control inside FieldFrame. */
export function describedBy(id: string, hint: unknown, errors: string[]): string | undefined {
  const ids = [hint ? `${id}-hint` : '', errors.length > 0 ? `${id}-error` : ''].filter(Boolean);
  return ids.length > 0 ? ids.join(' ') : undefined;
}
