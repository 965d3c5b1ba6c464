import type { ReactNode } from 'react';

interface FieldFrameProps {
  id: string;
  label: string;
  hint?: ReactNode;
  errors: string[];
  children: ReactNode;
}

const FRAGMENT = /^(is|are|must|needs|allows|has|have|cannot|can't|should|does|do|was)\b/;

/**
 * Every field message as one sentence naming the field ("Email is required."), whether the API
 * sent a fragment ("is required") or a sentence ("Use at least 12 characters").
 */
export function fieldSentence(label: string, message: string): string {
  const text = message.trim().replace(/\.$/, '');
  const name = label.replace(/\s*\(.*\)\s*$/, '');
  const sentence = FRAGMENT.test(text) ? `${name} ${text}` : text.charAt(0).toUpperCase() + text.slice(1);
  return `${sentence}.`;
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
          {errors.map((message) => fieldSentence(label, message)).join(' ')}
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
