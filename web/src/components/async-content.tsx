import type { ReactNode } from 'react';
import type { ApiGetState } from '../hooks/use-api-get';
import { ErrorPanel } from './error-panel';
import { LoadingState } from './loading-state';

interface AsyncContentProps<T> {
  state: ApiGetState<T>;
  loadingLabel?: string;
  children: (data: T) => ReactNode;
}

/** Loading, error or the loaded data: the three states every page shows the same way. */
export function AsyncContent<T>({ state, loadingLabel, children }: AsyncContentProps<T>) {
  if (state.error) return <ErrorPanel error={state.error} onRetry={state.reload} />;
  if (!state.result) return <LoadingState label={loadingLabel} />;
  return <>{children(state.result.data)}</>;
}
