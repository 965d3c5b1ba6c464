import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { type ListParams, readListParams, writeListParams } from './list-params';

/**
 * The list view's state, read from and written to the URL. Changing a filter goes back to page
 * one; typing in the search box replaces the history entry instead of adding one per pause.
 */
export function useListParams(): [ListParams, (patch: Partial<ListParams>) => void] {
  const [search, setSearch] = useSearchParams();
  const params = useMemo(() => readListParams(search), [search]);
  const update = useCallback(
    (patch: Partial<ListParams>) => {
      setSearch(
        (previous) => {
          const current = readListParams(previous);
          const next = { ...current, ...patch };
          if (patch.page === undefined) next.page = 1;
          return writeListParams(next);
        },
        { replace: patch.q !== undefined },
      );
    },
    [setSearch],
  );
  return [params, update];
}
