import { Link, useSearchParams } from 'react-router';
import type { PagePagination } from '../../api/types';
import { EmptyState } from '../../components/empty-state';
import { ErrorPanel } from '../../components/error-panel';
import { LoadingState } from '../../components/loading-state';
import { PageHeader } from '../../components/page-header';
import { PaginationBar } from '../../components/pagination-bar';
import { SelectField } from '../../components/select-field';
import { useApiGet } from '../../hooks/use-api-get';
import { useDocumentTitle } from '../../hooks/use-document-title';
import { type Column, DataTable } from '../../lists/data-table';
import { SearchBox } from '../../lists/search-box';
import { DemandUploadForm } from './demand-upload-form';
import { ForecastRunForm } from './forecast-run-form';
import { decimal, type DemandItem } from './forecasting-types';

const SORTS = [
  { value: '-total_units', label: 'Volume, largest first' },
  { value: 'total_units', label: 'Volume, smallest first' },
  { value: 'item_id', label: 'Item id' },
  { value: '-last_date', label: 'Most recent sale' },
];

const columns: Column<DemandItem>[] = [
  {
    key: 'item',
    label: 'Item',
    render: (item) => (
      <Link to={`/forecasting/items/${encodeURIComponent(item.item_id)}`}>{item.item_id}</Link>
    ),
  },
  {
    key: 'volume',
    label: 'Units sold',
    className: 'cell-number',
    render: (item) => decimal(item.total_units),
  },
  { key: 'days', label: 'Days', className: 'cell-number', render: (item) => item.days.toLocaleString() },
  { key: 'first', label: 'First day', className: 'cell-nowrap', render: (item) => item.first_date },
  { key: 'last', label: 'Last day', className: 'cell-nowrap', render: (item) => item.last_date },
];

/** Demand forecasting's front page: the items with history (search, sort by volume), upload, run. */
export function DemandItemsPage() {
  useDocumentTitle('Forecasting');
  const [search, setSearch] = useSearchParams();
  const q = search.get('q') ?? '';
  const sort = search.get('sort') ?? '-total_units';
  const page = Math.max(1, Number(search.get('page')) || 1);
  const state = useApiGet<DemandItem[]>('/demand/items', { q, sort, page, per_page: 25 });
  const go = (next: { q?: string; sort?: string; page?: number }) => {
    const params = new URLSearchParams();
    const merged = { q, sort, page: 1, ...next };
    if (merged.q) params.set('q', merged.q);
    if (merged.sort !== '-total_units') params.set('sort', merged.sort);
    if (merged.page > 1) params.set('page', String(merged.page));
    setSearch(params);
  };
  return (
    <>
      <PageHeader
        title="Forecasting"
        description="Daily demand per item, forecasts with 80% and 95% intervals, and reorder points."
        actions={
          <Link className="button button-secondary" to="/forecasting/runs">
            Forecast runs
          </Link>
        }
      />
      <div className="chart-grid">
        <DemandUploadForm onUploaded={state.reload} />
        <ForecastRunForm />
      </div>
      <div className="list-toolbar">
        <SearchBox label="Search items" value={q} onSearch={(next) => go({ q: next })} />
        <SelectField
          label="Sort"
          options={SORTS}
          value={sort}
          onChange={(event) => go({ sort: event.target.value })}
        />
      </div>
      {state.error ? (
        <ErrorPanel error={state.error} onRetry={state.reload} />
      ) : !state.result ? (
        <LoadingState label="Loading items…" />
      ) : state.result.data.length === 0 ? (
        <EmptyState title={q ? 'No item matches' : 'No demand yet'} />
      ) : (
        <>
          <DataTable
            caption="Items with demand"
            columns={columns}
            rows={state.result.data}
            rowKey={(i) => i.item_id}
          />
          {state.result.pagination && (
            <PaginationBar
              label="Items"
              pagination={state.result.pagination as unknown as PagePagination}
              onPage={(n) => go({ page: n })}
            />
          )}
        </>
      )}
    </>
  );
}
