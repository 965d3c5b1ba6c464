import { Link, useSearchParams } from 'react-router';
import type { PagePagination } from '../../api/types';
import { EmptyState } from '../../components/empty-state';
import { ErrorPanel } from '../../components/error-panel';
import { formatDateTime } from '../../components/format';
import { LoadingState } from '../../components/loading-state';
import { PageHeader } from '../../components/page-header';
import { PaginationBar } from '../../components/pagination-bar';
import { StatusBadge } from '../../components/status-badge';
import { useApiGet } from '../../hooks/use-api-get';
import { useDocumentTitle } from '../../hooks/use-document-title';
import { useInterval } from '../../hooks/use-interval';
import { type Column, DataTable } from '../../lists/data-table';
import type { ForecastRun } from './forecasting-types';

const columns: Column<ForecastRun>[] = [
  {
    key: 'created',
    label: 'Started',
    className: 'cell-nowrap',
    render: (run) => formatDateTime(run.created_at),
  },
  { key: 'status', label: 'Status', render: (run) => <StatusBadge status={run.status} /> },
  {
    key: 'progress',
    label: 'Progress',
    render: (run) => (
      <span className="cell-nowrap">
        <progress
          max={Math.max(run.item_count, 1)}
          value={run.item_count === 0 && run.status === 'done' ? 1 : run.items_done}
          aria-label={`${run.items_done} of ${run.item_count} items`}
        />{' '}
        {run.items_done.toLocaleString()} / {run.item_count.toLocaleString()}
      </span>
    ),
  },
  { key: 'method', label: 'Method', render: (run) => <code>{run.method}</code> },
  { key: 'horizon', label: 'Horizon', className: 'cell-number', render: (run) => `${run.horizon_days} d` },
  {
    key: 'finished',
    label: 'Finished',
    className: 'cell-nowrap',
    render: (run) => formatDateTime(run.finished_at),
  },
  { key: 'error', label: 'Error', className: 'cell-truncate', render: (run) => run.error ?? '' },
];

/** Forecast runs, newest first, refreshed every 2 s while one is queued or running. */
export function ForecastRunsPage() {
  useDocumentTitle('Forecast runs');
  const [search, setSearch] = useSearchParams();
  const page = Math.max(1, Number(search.get('page')) || 1);
  const state = useApiGet<ForecastRun[]>('/forecast-runs', { page, per_page: 25 });
  const busy = state.result?.data.some((run) => run.status === 'queued' || run.status === 'running') ?? false;
  useInterval(state.reload, busy ? 2000 : null);
  return (
    <>
      <PageHeader
        title="Forecast runs"
        description="Each run forecasts its items in the background; items done so far are kept if it is interrupted."
        actions={
          <Link className="button button-secondary" to="/forecasting">
            Items
          </Link>
        }
      />
      {state.error ? (
        <ErrorPanel error={state.error} onRetry={state.reload} />
      ) : !state.result ? (
        <LoadingState label="Loading runs…" />
      ) : state.result.data.length === 0 ? (
        <EmptyState title="No forecast runs yet" />
      ) : (
        <>
          <DataTable
            caption="Forecast runs"
            columns={columns}
            rows={state.result.data}
            rowKey={(run) => run.id}
          />
          {state.result.pagination && (
            <PaginationBar
              label="Runs"
              pagination={state.result.pagination as unknown as PagePagination}
              onPage={(n) => setSearch(n > 1 ? { page: String(n) } : {})}
            />
          )}
        </>
      )}
    </>
  );
}
