import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { buildQuery, downloadFile } from '../../api/api-client';
import type { FleetSummary, PagePagination, ReportTrends, TenantReport } from '../../api/types';
import { EmptyState } from '../../components/empty-state';
import { ErrorPanel } from '../../components/error-panel';
import { formatBytes, formatDateTime } from '../../components/format';
import { LoadingState } from '../../components/loading-state';
import { PageHeader } from '../../components/page-header';
import { PaginationBar } from '../../components/pagination-bar';
import { StatusBadge } from '../../components/status-badge';
import { useApiGet } from '../../hooks/use-api-get';
import { useDocumentTitle } from '../../hooks/use-document-title';
import { type Column, DataTable } from '../../lists/data-table';

const FILTERS = {
  tier: ['standard', 'premium', 'enterprise'],
  isolation: ['pool', 'schema', 'database'],
  status: ['active', 'suspended', 'provisioning', 'failed', 'deleting', 'deleted'],
} as const;

const number = (n: number) => n.toLocaleString('en');
const sortOf = (key: string) => [key, `-${key}`];

/** Numbers of one day for the trend charts. */
function TrendChart({
  title,
  days,
  keys,
}: {
  title: string;
  days: ReportTrends['days'];
  keys: Array<[string, string]>;
}) {
  return (
    <figure className="card chart-card">
      <figcaption className="card-title">{title}</figcaption>
      <div className="chart" aria-hidden="true">
        <ResponsiveContainer width="100%" height={200}>
          <LineChart data={days} margin={{ top: 8, right: 12, bottom: 0, left: 0 }}>
            <CartesianGrid strokeDasharray="3 3" vertical={false} />
            <XAxis dataKey="day" tick={{ fontSize: 11 }} minTickGap={24} />
            <YAxis tick={{ fontSize: 11 }} />
            <Tooltip />
            <Legend wrapperStyle={{ fontSize: 12 }} />
            {keys.map(([key, label], index) => (
              <Line
                key={key}
                dataKey={key}
                name={label}
                stroke={['#2451b3', '#c62828', '#1a7f37'][index % 3]}
                strokeWidth={2}
                dot={false}
                isAnimationActive={false}
              />
            ))}
          </LineChart>
        </ResponsiveContainer>
      </div>
      <p className="sr-only">
        {title}, last day:{' '}
        {keys.map(([key, label]) => `${label} ${String(days.at(-1)?.[key as 'requests'] ?? 0)}`).join(', ')}
      </p>
    </figure>
  );
}

/**
 * Fleet insight: every tenant whatever its model, with users, storage, requests, errors and p95
 * over 24 h from the rollup; sortable, filterable, downloadable, with 30-day trends.
 */
export function FleetPage() {
  useDocumentTitle('Fleet');
  const [search, setSearch] = useSearchParams();
  const page = Math.max(1, Number(search.get('page')) || 1);
  const sort = search.get('sort') ?? '-requests_24h';
  const q = search.get('q') ?? '';
  const [draft, setDraft] = useState(q);
  const filters = Object.fromEntries(
    Object.entries(FILTERS).map(([key, allowed]) => {
      const value = search.get(key) ?? '';
      return [key, (allowed as readonly string[]).includes(value) ? value : ''];
    }),
  ) as Record<keyof typeof FILTERS, string>;
  const query = {
    page,
    per_page: 25,
    sort,
    q: q || undefined,
    tier: filters.tier || undefined,
    isolation: filters.isolation || undefined,
    status: filters.status || undefined,
  };
  const reports = useApiGet<TenantReport[]>('/reports/tenants', query, { tenant: null });
  const summary = useApiGet<FleetSummary>('/reports/summary', undefined, { tenant: null });
  const trends = useApiGet<ReportTrends>('/reports/trends', { days: 30 }, { tenant: null });
  const [downloadError, setDownloadError] = useState<unknown>();
  const update = (patch: Record<string, string | number | undefined>) => {
    const next = new URLSearchParams(search);
    for (const [key, value] of Object.entries(patch)) {
      if (value === undefined || value === '') next.delete(key);
      else next.set(key, String(value));
    }
    if (!('page' in patch)) next.delete('page');
    setSearch(next);
  };
  const download = async () => {
    setDownloadError(undefined);
    const { page: _page, per_page: _perPage, ...csvQuery } = query;
    try {
      await downloadFile(`/api/v1/reports/tenants.csv${buildQuery(csvQuery)}`, 'tenants.csv');
    } catch (error) {
      setDownloadError(error);
    }
  };
  const columns: Column<TenantReport>[] = [
    {
      key: 'name',
      label: 'Tenant',
      sort: sortOf('name'),
      render: (r) => (
        <>
          <Link to={`/console/tenants/${encodeURIComponent(r.tenant_id)}`}>{r.name}</Link>
          <div className="muted">{r.tenant_id}</div>
        </>
      ),
    },
    { key: 'tier', label: 'Tier', sort: sortOf('tier'), render: (r) => r.tier },
    { key: 'isolation', label: 'Isolation', sort: sortOf('isolation'), render: (r) => r.isolation },
    {
      key: 'status',
      label: 'Status',
      sort: sortOf('status'),
      render: (r) => <StatusBadge status={r.status} />,
    },
    {
      key: 'users',
      label: 'Users',
      sort: sortOf('users'),
      className: 'numeric',
      render: (r) => number(r.users),
    },
    {
      key: 'storage_bytes',
      label: 'Storage',
      sort: sortOf('storage_bytes'),
      className: 'numeric',
      render: (r) => formatBytes(r.storage_bytes),
    },
    {
      key: 'requests_24h',
      label: 'Requests 24 h',
      sort: sortOf('requests_24h'),
      className: 'numeric',
      render: (r) => number(r.requests_24h),
    },
    {
      key: 'errors_24h',
      label: 'Errors 24 h',
      sort: sortOf('errors_24h'),
      className: 'numeric',
      render: (r) => number(r.errors_24h),
    },
    {
      key: 'p95_ms_24h',
      label: 'p95',
      sort: sortOf('p95_ms_24h'),
      className: 'numeric',
      render: (r) => (r.p95_ms_24h === null ? '—' : `${r.p95_ms_24h} ms`),
    },
    {
      key: 'last_active_at',
      label: 'Last active',
      sort: sortOf('last_active_at'),
      render: (r) => (r.last_active_at ? formatDateTime(r.last_active_at) : 'never'),
    },
  ];
  const s = summary.result?.data;
  const pagination = reports.result?.pagination as PagePagination | undefined;
  const asOf = (reports.result as { as_of?: string | null } | undefined)?.as_of;
  return (
    <>
      <PageHeader
        title="Fleet"
        description={`Every tenant in every isolation model, from the rollup that runs every minute${asOf ? ` (as of ${formatDateTime(asOf)})` : ''}.`}
        actions={
          <button type="button" className="button button-secondary" onClick={() => void download()}>
            Download CSV
          </button>
        }
      />
      {downloadError !== undefined && <ErrorPanel error={downloadError} />}
      {s && (
        <dl className="card fleet-summary">
          <div>
            <dt>Tenants</dt>
            <dd>
              {Object.entries(s.tenants_by_status)
                .filter(([status]) => status !== 'deleted')
                .map(([status, n]) => `${n} ${status}`)
                .join(' · ') || 'none'}
            </dd>
          </div>
          <div>
            <dt>Users</dt>
            <dd>{number(s.users)}</dd>
          </div>
          <div>
            <dt>Storage</dt>
            <dd>{formatBytes(s.storage_bytes)}</dd>
          </div>
          <div>
            <dt>Requests 24 h</dt>
            <dd>{number(s.requests_24h)}</dd>
          </div>
          <div>
            <dt>Errors 24 h</dt>
            <dd>{number(s.errors_24h)}</dd>
          </div>
        </dl>
      )}
      {trends.result && trends.result.data.days.length > 0 && (
        <div className="chart-grid">
          <TrendChart
            title="Requests and errors per day"
            days={trends.result.data.days}
            keys={[
              ['requests', 'requests'],
              ['errors', 'errors'],
            ]}
          />
          <TrendChart
            title="Active tenants and users"
            days={trends.result.data.days}
            keys={[
              ['active_tenants', 'active tenants'],
              ['users', 'users'],
            ]}
          />
        </div>
      )}
      <form
        className="toolbar"
        role="search"
        onSubmit={(event) => {
          event.preventDefault();
          update({ q: draft.trim() });
        }}
      >
        <div className="field search-field">
          <label htmlFor="fleet-q">Search</label>
          <input
            id="fleet-q"
            type="search"
            value={draft}
            onChange={(event) => setDraft(event.target.value)}
            placeholder="Tenant id or name"
          />
        </div>
        {(Object.keys(FILTERS) as Array<keyof typeof FILTERS>).map((key) => (
          <div className="field" key={key}>
            <label htmlFor={`fleet-${key}`}>{key[0]!.toUpperCase() + key.slice(1)}</label>
            <select
              id={`fleet-${key}`}
              value={filters[key]}
              onChange={(event) => update({ [key]: event.target.value })}
            >
              <option value="">{key === 'status' ? 'All but deleted' : 'All'}</option>
              {FILTERS[key].map((value) => (
                <option key={value} value={value}>
                  {value}
                </option>
              ))}
            </select>
          </div>
        ))}
        <div className="toolbar-buttons">
          <button type="submit" className="button">
            Search
          </button>
        </div>
      </form>
      {reports.error ? (
        <ErrorPanel error={reports.error} onRetry={reports.reload} />
      ) : !reports.result ? (
        <LoadingState label="Loading the fleet…" />
      ) : reports.result.data.length === 0 ? (
        <EmptyState title="No tenant matches">
          <p>Change the search or the filters.</p>
        </EmptyState>
      ) : (
        <>
          <DataTable
            caption="Tenants with their usage over 24 hours"
            columns={columns}
            rows={reports.result.data}
            rowKey={(r) => r.tenant_id}
            sort={sort}
            onSort={(next) => update({ sort: next })}
          />
          {pagination && (
            <PaginationBar
              pagination={pagination}
              onPage={(next) => update({ page: next })}
              label="Fleet pages"
            />
          )}
        </>
      )}
    </>
  );
}
