import { type FormEvent, useCallback, useState } from 'react';

export interface SubmitState<A extends unknown[]> {
  submit: (...args: A) => Promise<boolean>;
  pending: boolean;
  error: unknown;
  clearError: () => void;
}

/** Runs an action once at a time, keeping its error for the form; resolves true on success. */
export function useSubmit<A extends unknown[]>(action: (...args: A) => Promise<unknown>): SubmitState<A> {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const submit = useCallback(
    async (...args: A) => {
      setPending(true);
      setError(null);
      try {
        await action(...args);
        return true;
      } catch (caught) {
        setError(caught);
        return false;
      } finally {
        setPending(false);
      }
    },
    [action],
  );
  const clearError = useCallback(() => setError(null), []);
  return { submit, pending, error, clearError };
}

/** A form's onSubmit: the browser stays on the page and the action runs, its error kept in `state`. */
export function submitForm(state: SubmitState<[]>): (event: FormEvent) => void {
  return (event) => {
    event.preventDefault();
    void state.submit();
  };
}
