import { useCallback, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import type { DemoRequest, PagePagination } from '../../api/types';
import { Dialog } from '../../components/dialog';
import { EmptyState } from '../../components/empty-state';
import { ErrorPanel } from '../../components/error-panel';
import { FlashMessage } from '../../components/flash-message';
import { formatDateTime } from '../../components/format';
import { LoadingState } from '../../components/loading-state';
import { PageHeader } from '../../components/page-header';
import { PaginationBar } from '../../components/pagination-bar';
import { StatusBadge } from '../../components/status-badge';
import { useApiGet } from '../../hooks/use-api-get';
import { useDocumentTitle } from '../../hooks/use-document-title';
import { type Column, DataTable } from '../../lists/data-table';
import { ApproveDemoForm } from './approve-demo-form';
import { RejectDemoForm } from './reject-demo-form';

type Decision = { request: DemoRequest; action: 'approve' | 'reject' };

/** Seed 002's demo requests: approving one provisions its tenant, rejecting closes it. */
export function DemoRequestsPage() {
  useDocumentTitle('Demo requests');
  const [search, setSearch] = useSearchParams();
  const page = Math.max(1, Number(search.get('page')) || 1);
  const status = search.get('status') ?? 'pending';
  const [reloadKey, setReloadKey] = useState(0);
  const requests = useApiGet<DemoRequest[]>(
    '/demo-requests',
    { page, per_page: 20, status: status || undefined },
    { tenant: null, refreshKey: reloadKey },
  );
  const [deciding, setDeciding] = useState<Decision | null>(null);
  const [flash, setFlash] = useState<string | null>(null);
  const clearFlash = useCallback(() => setFlash(null), []);
  const columns: Column<DemoRequest>[] = [
    { key: 'company', label: 'Company', render: (r) => <strong>{r.company_name}</strong> },
    { key: 'email', label: 'Email', render: (r) => r.email },
    { key: 'domain', label: 'Business', render: (r) => r.business_domain ?? 'default' },
    { key: 'message', label: 'Message', className: 'cell-text', render: (r) => r.message || '—' },
    { key: 'status', label: 'Status', render: (r) => <StatusBadge status={r.status} /> },
    {
      key: 'created',
      label: 'Received',
      className: 'cell-nowrap',
      render: (r) => formatDateTime(r.created_at),
    },
    {
      key: 'actions',
      label: 'Actions',
      render: (r) =>
        r.status === 'pending' ? (
          <div className="row-actions">
            <button
              type="button"
              className="button button-small"
              aria-label={`Approve ${r.company_name}`}
              onClick={() => setDeciding({ request: r, action: 'approve' })}
            >
              Approve
            </button>
            <button
              type="button"
              className="button button-danger-quiet button-small"
              aria-label={`Reject ${r.company_name}`}
              onClick={() => setDeciding({ request: r, action: 'reject' })}
            >
              Reject
            </button>
          </div>
        ) : r.tenant_id ? (
          <Link to={`/console/tenants/${encodeURIComponent(r.tenant_id)}`}>tenant {r.tenant_id}</Link>
        ) : (
          <span className="muted">—</span>
        ),
    },
  ];
  const pagination = requests.result?.pagination as PagePagination | undefined;
  return (
    <>
      <PageHeader
        title="Demo requests"
        description="People who asked to try the product. Approving creates their tenant and invites them."
      />
      <FlashMessage message={flash} onDone={clearFlash} />
      <div className="toolbar">
        <div className="field">
          <label htmlFor="demo-status">Show</label>
          <select
            id="demo-status"
            value={status}
            onChange={(event) => setSearch({ status: event.target.value })}
          >
            <option value="pending">Pending</option>
            <option value="approved">Approved</option>
            <option value="rejected">Rejected</option>
            <option value="">All</option>
          </select>
        </div>
      </div>
      {requests.error ? (
        <ErrorPanel error={requests.error} onRetry={requests.reload} />
      ) : !requests.result ? (
        <LoadingState label="Loading demo requests…" />
      ) : requests.result.data.length === 0 ? (
        <EmptyState title={status ? `No ${status} demo requests` : 'No demo requests'}>
          <p>Requests sent from the public “Request a demo” page appear here.</p>
        </EmptyState>
      ) : (
        <>
          <DataTable
            caption="Demo requests"
            columns={columns}
            rows={requests.result.data}
            rowKey={(r) => r.id}
          />
          {pagination && 'total' in pagination && (
            <PaginationBar
              label="Demo requests"
              pagination={pagination}
              onPage={(n) => setSearch({ status, ...(n > 1 ? { page: String(n) } : {}) })}
            />
          )}
        </>
      )}
      <Dialog
        title={deciding?.action === 'approve' ? 'Approve demo request' : 'Reject demo request'}
        open={deciding !== null}
        onClose={() => {
          setDeciding(null);
          setReloadKey((k) => k + 1);
        }}
      >
        {deciding?.action === 'approve' && (
          <ApproveDemoForm request={deciding.request} onDone={() => setDeciding(null)} />
        )}
        {deciding?.action === 'reject' && (
          <RejectDemoForm
            request={deciding.request}
            onCancel={() => setDeciding(null)}
            onDone={() => {
              setFlash(`The request of ${deciding.request.company_name} is rejected.`);
              setDeciding(null);
            }}
          />
        )}
      </Dialog>
    </>
  );
}
