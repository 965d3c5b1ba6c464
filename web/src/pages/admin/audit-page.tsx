import { useSearchParams } from 'react-router';
import type { AuditEntry, PagePagination, User } from '../../api/types';
import { EmptyState } from '../../components/empty-state';
import { ErrorPanel } from '../../components/error-panel';
import { formatDateTime } from '../../components/format';
import { LoadingState } from '../../components/loading-state';
import { PageHeader } from '../../components/page-header';
import { PaginationBar } from '../../components/pagination-bar';
import { useApiGet } from '../../hooks/use-api-get';
import { useDocumentTitle } from '../../hooks/use-document-title';
import { type Column, DataTable } from '../../lists/data-table';
import { filterQuery, readListParams } from '../../lists/list-params';
import { AUDIT_FILTERS, AuditFilterForm, type AuditFilters } from './audit-filters';
import { personOf, ShortId } from './audit-person';

const columns: Column<AuditEntry>[] = [
  { key: 'time', label: 'When', className: 'cell-nowrap', render: (e) => formatDateTime(e.created_at) },
  {
    key: 'actor',
    label: 'Who',
    className: 'cell-nowrap',
    render: (e) => personOf(e),
  },
  { key: 'action', label: 'Action', render: (e) => <code>{e.action}</code> },
  {
    key: 'target',
    label: 'Target',
    className: 'cell-nowrap',
    render: (e) => (
      <>
        {e.target_type} <ShortId id={e.target_id} />
      </>
    ),
  },
  {
    key: 'change',
    label: 'Change',
    render: (e) =>
      e.before === null && e.after === null ? (
        '—'
      ) : (
        <details>
          <summary className="cell-nowrap">Show</summary>
          <pre className="code-block">{JSON.stringify({ before: e.before, after: e.after }, null, 2)}</pre>
        </details>
      ),
  },
];

/** The workspace's own audit trail, newest first, filtered by the URL's parameters. */
export function AuditPage() {
  useDocumentTitle('Audit trail');
  const [search, setSearch] = useSearchParams();
  const filters = Object.fromEntries(AUDIT_FILTERS.map((k) => [k, search.get(k) ?? ''])) as AuditFilters;
  const page = Math.max(1, Number(search.get('page')) || 1);
  const dates = filterQuery({ ...readListParams(search), from: filters.from, to: filters.to });
  const query = {
    page,
    per_page: 25,
    action: filters.action || undefined,
    actor_id: filters.actor_id || undefined,
    target_type: filters.target_type || undefined,
    target_id: filters.target_id || undefined,
    created_from: dates.created_from,
    created_to: dates.created_to,
  };
  const state = useApiGet<AuditEntry[]>('/audit', query);
  const users = useApiGet<User[]>('/users', { per_page: 100 });
  const people = (users.result?.data ?? []).map((user) => ({
    value: user.id,
    label: user.name ? `${user.name} (${user.email})` : user.email,
  }));
  const apply = (next: AuditFilters, nextPage = 1) => {
    const params = new URLSearchParams();
    for (const key of AUDIT_FILTERS) if (next[key]) params.set(key, next[key]);
    if (nextPage > 1) params.set('page', String(nextPage));
    setSearch(params);
  };
  return (
    <>
      <PageHeader
        title="Audit trail"
        description="Who did what in this workspace, in order; entries are chained by hash and cannot be edited."
      />
      <AuditFilterForm
        key={`${search.toString()} ${people.length}`}
        value={filters}
        people={people}
        onApply={(next) => apply(next)}
      />
      {state.error ? (
        <ErrorPanel error={state.error} onRetry={state.reload} />
      ) : !state.result ? (
        <LoadingState label="Loading the audit trail…" />
      ) : state.result.data.length === 0 ? (
        <EmptyState title="No entries match" />
      ) : (
        <>
          <DataTable
            caption="Audit entries"
            columns={columns}
            rows={state.result.data}
            rowKey={(e) => e.id}
          />
          {state.result.pagination && 'total' in state.result.pagination && (
            <PaginationBar
              label="Audit trail"
              pagination={state.result.pagination as unknown as PagePagination}
              onPage={(n) => apply(filters, n)}
            />
          )}
        </>
      )}
    </>
  );
}
