import { useCallback, useEffect, useState } from 'react';
import { api, type ApiResult, type QueryValue } from '../api/api-client';
import { fetchEveryPage } from '../api/fetch-every-page';
import { useActingTenant } from './use-acting-tenant';

const ACTING = '\u0000acting';

export interface ApiGetState<T> {
  result: ApiResult<T> | undefined;
  error: unknown;
  loading: boolean;
  reload: () => void;
}

/**
 * GETs `path` (null: nothing to load yet) and reloads whenever the path, query, acting tenant or
 * `refreshKey` (bumped after a write) changes. A stale answer never overwrites a newer one: the older request is aborted.
 * `allPages` follows a list's cursor to its end, for a view that shows the whole list.
 */
export function useApiGet<T>(
  path: string | null,
  query?: Record<string, QueryValue>,
  options: { tenant?: string | null; refreshKey?: number; allPages?: boolean } = {},
): ApiGetState<T> {
  const acting = useActingTenant();
  const [state, setState] = useState<{ result?: ApiResult<T>; error?: unknown; loading: boolean }>({
    loading: path !== null,
  });
  const [generation, setGeneration] = useState(0);
  // JSON has no undefined: the acting tenant (no override) is spelled out so it survives the key.
  const tenantOption = options.tenant === undefined ? ACTING : options.tenant;
  const key = JSON.stringify([
    path,
    query ?? {},
    tenantOption,
    acting,
    generation,
    options.refreshKey,
    options.allPages === true,
  ]);

  useEffect(() => {
    const [currentPath, currentQuery, tenant, , , , allPages] = JSON.parse(key) as [
      string | null,
      Record<string, QueryValue>,
      string | null,
      unknown,
      unknown,
      unknown,
      boolean,
    ];
    if (currentPath === null) {
      setState({ loading: false });
      return;
    }
    const controller = new AbortController();
    setState((previous) => ({ result: previous.result, loading: true }));
    const request = {
      query: currentQuery,
      signal: controller.signal,
      ...(tenant !== ACTING ? { tenant } : {}),
    };
    const answer = allPages
      ? (fetchEveryPage(currentPath, request) as Promise<ApiResult<T>>)
      : api<T>(currentPath, request);
    answer.then(
      (result) => setState({ result, loading: false }),
      (error: unknown) => {
        if (!controller.signal.aborted) setState({ error, loading: false });
      },
    );
    return () => controller.abort();
  }, [key]);

  const reload = useCallback(() => setGeneration((n) => n + 1), []);
  return { result: state.result, error: state.error, loading: state.loading, reload };
}
