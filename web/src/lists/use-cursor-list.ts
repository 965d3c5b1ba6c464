import { useCallback, useEffect, useRef, useState } from 'react';
import { api, type QueryValue } from '../api/api-client';
import type { CursorPagination } from '../api/types';
import { useActingTenant } from '../hooks/use-acting-tenant';

export interface CursorListState<T> {
  items: T[];
  hasNext: boolean;
  loading: boolean;
  error: unknown;
  loadMore: () => void;
  retry: () => void;
}

/**
 * Infinite scroll over `?cursor=&limit=` (SPEC §5): each page continues after the last row seen,
 * so rows created meanwhile never shift or repeat what is already shown. New filters start over.
 */
export function useCursorList<T>(
  path: string,
  query: Record<string, QueryValue>,
  limit: number,
  reloadKey: number,
): CursorListState<T> {
  const acting = useActingTenant();
  const key = JSON.stringify([path, query, limit, acting, reloadKey]);
  const [state, setState] = useState<{
    key: string;
    items: T[];
    cursor: string | null;
    hasNext: boolean;
    loading: boolean;
    error: unknown;
  }>({ key: '', items: [], cursor: null, hasNext: true, loading: false, error: null });
  const inFlight = useRef<AbortController | null>(null);

  const fetchPage = useCallback(
    (cursor: string | null, fresh: boolean) => {
      inFlight.current?.abort();
      const controller = new AbortController();
      inFlight.current = controller;
      const [currentPath, currentQuery, currentLimit] = JSON.parse(key) as [
        string,
        Record<string, QueryValue>,
        number,
      ];
      setState((s) => ({
        ...(fresh ? { key, items: [], cursor: null, hasNext: true } : s),
        key,
        loading: true,
        error: null,
      }));
      api<T[]>(currentPath, {
        query: { ...currentQuery, limit: currentLimit, cursor: cursor ?? undefined },
        signal: controller.signal,
      }).then(
        ({ data, pagination }) => {
          const page = pagination as CursorPagination | undefined;
          setState((s) => ({
            key,
            items: fresh ? data : [...s.items, ...data],
            cursor: page?.cursor ?? null,
            hasNext: page?.has_next ?? false,
            loading: false,
            error: null,
          }));
        },
        (error: unknown) => {
          if (!controller.signal.aborted) setState((s) => ({ ...s, loading: false, error }));
        },
      );
    },
    [key],
  );

  useEffect(() => {
    fetchPage(null, true);
    return () => inFlight.current?.abort();
  }, [fetchPage]);

  const loadMore = useCallback(() => {
    if (!state.loading && state.hasNext && state.cursor) fetchPage(state.cursor, false);
  }, [fetchPage, state.loading, state.hasNext, state.cursor]);

  const retry = useCallback(
    () => fetchPage(state.cursor, state.items.length === 0),
    [fetchPage, state.cursor, state.items.length],
  );

  const current = state.key === key;
  return {
    items: current ? state.items : [],
    hasNext: current && state.hasNext,
    loading: !current || state.loading,
    error: state.error,
    loadMore,
    retry,
  };
}
