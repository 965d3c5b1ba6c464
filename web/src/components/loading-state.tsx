/** A polite "loading" line: screen readers hear it once, sighted users see a spinner. */
export function LoadingState({ label = 'Loading…' }: { label?: string }) {
  return (
    <p className="loading" role="status">
      <span className="spinner" aria-hidden="true" />
      {label}
    </p>
  );
}
