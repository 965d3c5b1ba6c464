import type { ReactNode } from 'react';

import { explainError } from '../api/explain-error';

interface ErrorPanelProps {
  error: unknown;
  onRetry?: () => void;
  /** Replaces the generic next step, e.g. for a form that knows better. */
  children?: ReactNode;
}

/** The error state of a page or form: what happened and what to do, announced to screen readers. */
export function ErrorPanel({ error, onRetry, children }: ErrorPanelProps) {
  const { title, action } = explainError(error);
  return (
    <div className="notice notice-error" role="alert">
      <p className="notice-title">{title}</p>
      {children ?? <p>{action}</p>}
      {onRetry && (
        <button type="button" className="button button-secondary" onClick={onRetry}>
          Try again
        </button>
      )}
    </div>
  );
}
