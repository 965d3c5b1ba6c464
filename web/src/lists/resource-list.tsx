import { type ReactNode, useEffect, useState } from 'react';
import type { PagePagination } from '../api/types';
import { EmptyState } from '../components/empty-state';
import { ErrorPanel } from '../components/error-panel';
import { LoadMore } from '../components/load-more';
import { LoadingState } from '../components/loading-state';
import { PaginationBar } from '../components/pagination-bar';
import { useApiGet } from '../hooks/use-api-get';
import { type Column, DataTable } from './data-table';
import { filterQuery, type ListParams } from './list-params';
import { refusedListParams } from './refused-list-params';
import { useCursorList } from './use-cursor-list';

interface ResourceListProps<T> {
  path: string;
  label: string;
  params: ListParams;
  update: (patch: Partial<ListParams>) => void;
  columns: Column<T>[];
  rowKey: (row: T) => string;
  /** Shown when nothing matches; `filtered` tells an empty tenant from an empty search. */
  empty: (filtered: boolean) => ReactNode;
  reloadKey: number;
}

type ListProps<T> = ResourceListProps<T> & { onRefused: (notes: string[]) => void };

/** Drops what the server refused from the address (a hand-edited `?status=bogus`) instead of blaming a field nobody sees. */
function useDropRefused(error: unknown, props: ListProps<unknown>): boolean {
  const refused = refusedListParams(error);
  const { update, onRefused } = props;
  useEffect(() => {
    if (!refused) return;
    onRefused(refused.notes);
    update(refused.patch);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once per refused answer
  }, [error]);
  return refused !== null;
}

function Table<T>(props: ResourceListProps<T> & { rows: T[] }) {
  return (
    <DataTable
      caption={props.label}
      columns={props.columns}
      rows={props.rows}
      rowKey={props.rowKey}
      sort={props.params.sort}
      onSort={(sort) => props.update({ sort })}
    />
  );
}

function PagedList<T>(props: ListProps<T>) {
  const { params } = props;
  const query = { ...filterQuery(params), page: params.page, per_page: params.perPage };
  const state = useApiGet<T[]>(props.path, query, { refreshKey: props.reloadKey });
  const dropping = useDropRefused(state.error, props as ListProps<unknown>);
  if (dropping) return <LoadingState label={`Loading ${props.label.toLowerCase()}…`} />;
  if (state.error) return <ErrorPanel error={state.error} onRetry={state.reload} />;
  if (!state.result) return <LoadingState label={`Loading ${props.label.toLowerCase()}…`} />;
  const rows = state.result.data;
  const pagination = state.result.pagination as PagePagination | undefined;
  const filtered = Boolean(params.status || params.q || params.from || params.to);
  if (rows.length === 0 && params.page > 1 && pagination && pagination.total > 0) {
    return (
      <EmptyState title={`Page ${params.page} is past the end`}>
        <button
          type="button"
          className="button button-secondary"
          onClick={() => props.update({ page: pagination.total_pages })}
        >
          Go to the last page
        </button>
      </EmptyState>
    );
  }
  if (rows.length === 0) return <>{props.empty(filtered)}</>;
  return (
    <div aria-busy={state.loading}>
      <Table {...props} rows={rows} />
      {pagination && (
        <PaginationBar
          label={props.label}
          pagination={pagination}
          onPage={(page) => props.update({ page })}
        />
      )}
    </div>
  );
}

function ScrollList<T>(props: ListProps<T>) {
  const { params } = props;
  const list = useCursorList<T>(props.path, filterQuery(params), params.perPage, props.reloadKey);
  const dropping = useDropRefused(list.error, props as ListProps<unknown>);
  if (dropping) return <LoadingState label={`Loading ${props.label.toLowerCase()}…`} />;
  const filtered = Boolean(params.status || params.q || params.from || params.to);
  if (list.error && list.items.length === 0) return <ErrorPanel error={list.error} onRetry={list.retry} />;
  if (list.loading && list.items.length === 0)
    return <LoadingState label={`Loading ${props.label.toLowerCase()}…`} />;
  if (list.items.length === 0) return <>{props.empty(filtered)}</>;
  return (
    <div>
      <Table {...props} rows={list.items} />
      {list.error !== null && <ErrorPanel error={list.error} />}
      <LoadMore
        hasNext={list.hasNext}
        loading={list.loading}
        onLoadMore={list.loadMore}
        count={list.items.length}
      />
    </div>
  );
}

/** A server-paginated list in either mode the URL chooses: page buttons or infinite scroll by cursor. */
export function ResourceList<T>(props: ResourceListProps<T>) {
  const [ignored, setIgnored] = useState<string[]>([]);
  const list =
    props.params.mode === 'scroll' ? (
      <ScrollList {...props} onRefused={setIgnored} />
    ) : (
      <PagedList {...props} onRefused={setIgnored} />
    );
  return (
    <>
      {ignored.length > 0 && (
        <p className="notice notice-info" role="status">
          Ignored from the address: {ignored.join('; ')}.
        </p>
      )}
      {list}
    </>
  );
}
