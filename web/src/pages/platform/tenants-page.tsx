import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { type PagePagination, type Tenant, TENANT_STATUSES } from '../../api/types';
import { EmptyState } from '../../components/empty-state';
import { ErrorPanel } from '../../components/error-panel';
import { formatDateTime, humanize } from '../../components/format';
import { LoadingState } from '../../components/loading-state';
import { PageHeader } from '../../components/page-header';
import { PaginationBar } from '../../components/pagination-bar';
import { StatusBadge } from '../../components/status-badge';
import { useApiGet } from '../../hooks/use-api-get';
import { useDocumentTitle } from '../../hooks/use-document-title';
import { onTenantsChanged } from '../../layout/tenants-changed';
import { type Column, DataTable } from '../../lists/data-table';
import { ListToolbar } from '../../lists/list-toolbar';
import { useListParams } from '../../lists/use-list-params';
import { CreateTenantDialog } from './create-tenant-dialog';
import { TenantUsageCell } from './tenant-usage-cell';

const SORTS = [
  { value: '-created_at', label: 'Newest first' },
  { value: 'created_at', label: 'Oldest first' },
  { value: 'name', label: 'Name A–Z' },
  { value: '-name', label: 'Name Z–A' },
  { value: 'status', label: 'Status' },
];

/** Every tenant of the platform with its tier, isolation, status and usage. */
export function TenantsPage() {
  useDocumentTitle('Tenants');
  const [params, update] = useListParams();
  const [creating, setCreating] = useState(false);
  const query = {
    page: params.page,
    per_page: params.perPage,
    status: params.status || undefined,
    q: params.q || undefined,
    sort: params.sort,
  };
  const tenants = useApiGet<Tenant[]>('/tenants', query, { tenant: null });
  const { reload } = tenants;
  useEffect(() => onTenantsChanged(reload), [reload]);
  const columns: Column<Tenant>[] = [
    {
      key: 'name',
      label: 'Tenant',
      sort: ['name', '-name'],
      render: (t) => (
        <Link to={`/console/tenants/${t.id}`} className="tenant-link">
          <strong>{t.name}</strong> <code>{t.id}</code>
        </Link>
      ),
    },
    {
      key: 'status',
      label: 'Status',
      sort: ['status'],
      render: (t) => (
        <>
          <StatusBadge status={t.status} />
          {t.status === 'provisioning' && t.provisioning_step && (
            <span className="muted"> {humanize(t.provisioning_step)}</span>
          )}
        </>
      ),
    },
    { key: 'tier', label: 'Tier', render: (t) => t.tier },
    {
      key: 'isolation',
      label: 'Isolation',
      render: (t) => `${t.isolation}${t.placement && t.placement !== 'default' ? ` @ ${t.placement}` : ''}`,
    },
    { key: 'usage', label: 'Usage', render: (t) => <TenantUsageCell tenant={t} refreshKey={0} /> },
    {
      key: 'created',
      label: 'Created',
      className: 'cell-nowrap',
      sort: ['created_at', '-created_at'],
      render: (t) => formatDateTime(t.created_at),
    },
  ];
  const pagination = tenants.result?.pagination as PagePagination | undefined;
  return (
    <>
      <PageHeader
        title="Tenants"
        description="Every customer organisation on this platform. Open one to suspend, resume, change its tier, export or delete it."
        actions={
          <button type="button" className="button" onClick={() => setCreating(true)}>
            Create tenant
          </button>
        }
      />
      <ListToolbar
        params={params}
        update={update}
        statuses={TENANT_STATUSES}
        searchLabel="Search tenants"
        sorts={SORTS}
        dates={false}
        modes={false}
      />
      {tenants.error ? (
        <ErrorPanel error={tenants.error} onRetry={reload} />
      ) : !tenants.result ? (
        <LoadingState label="Loading tenants…" />
      ) : tenants.result.data.length === 0 ? (
        <EmptyState title="No tenant matches">
          <p>Create one, or change the filters.</p>
        </EmptyState>
      ) : (
        <>
          <DataTable
            caption="Tenants"
            columns={columns}
            rows={tenants.result.data}
            rowKey={(t) => t.id}
            sort={params.sort}
            onSort={(sort) => update({ sort })}
          />
          {pagination && (
            <PaginationBar label="Tenants" pagination={pagination} onPage={(page) => update({ page })} />
          )}
        </>
      )}
      <CreateTenantDialog open={creating} onClose={() => setCreating(false)} />
    </>
  );
}
