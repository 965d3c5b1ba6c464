import { useCallback, useState } from 'react';
import { api } from '../../api/api-client';
import { DEPLOYMENT_STATUSES, type Deployment } from '../../api/types';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { Dialog } from '../../components/dialog';
import { EmptyState } from '../../components/empty-state';
import { FlashMessage } from '../../components/flash-message';
import { formatDateTime } from '../../components/format';
import { PageHeader } from '../../components/page-header';
import { StatusBadge } from '../../components/status-badge';
import { useDocumentTitle } from '../../hooks/use-document-title';
import type { Column } from '../../lists/data-table';
import { ListToolbar } from '../../lists/list-toolbar';
import { ResourceList } from '../../lists/resource-list';
import { RowActions } from '../../lists/row-actions';
import { useListParams } from '../../lists/use-list-params';
import { DeploymentForm } from './deployment-form';

const SORTS = [
  { value: '-created_at', label: 'Newest first' },
  { value: 'created_at', label: 'Oldest first' },
  { value: 'name', label: 'Project A–Z' },
  { value: '-name', label: 'Project Z–A' },
  { value: 'status', label: 'Status' },
];

/** Seed 003's deployments: server-side pages or infinite scroll, filters in the URL, create/edit/delete. */
export function DeploymentsPage() {
  useDocumentTitle('Deployments');
  const [params, update] = useListParams();
  const [reloadKey, setReloadKey] = useState(0);
  const [editing, setEditing] = useState<Deployment | 'new' | null>(null);
  const [deleting, setDeleting] = useState<Deployment | null>(null);
  const [flash, setFlash] = useState<string | null>(null);
  const clearFlash = useCallback(() => setFlash(null), []);
  const saved = (deployment: Deployment, created: boolean) => {
    setEditing(null);
    setFlash(`Deployment ${deployment.project_name} ${created ? 'created' : 'saved'}.`);
    setReloadKey((k) => k + 1);
  };
  const columns: Column<Deployment>[] = [
    {
      key: 'name',
      label: 'Project',
      sort: ['name', '-name'],
      render: (d) => <strong>{d.project_name}</strong>,
    },
    { key: 'status', label: 'Status', sort: ['status'], render: (d) => <StatusBadge status={d.status} /> },
    {
      key: 'url',
      label: 'URL',
      className: 'cell-truncate',
      render: (d) =>
        d.url ? (
          <a href={d.url} target="_blank" rel="noreferrer noopener">
            {d.url}
          </a>
        ) : (
          '—'
        ),
    },
    {
      key: 'created',
      label: 'Created',
      className: 'cell-nowrap',
      sort: ['created_at', '-created_at'],
      render: (d) => formatDateTime(d.created_at),
    },
    {
      key: 'actions',
      label: 'Actions',
      render: (d) => (
        <RowActions name={d.project_name} onEdit={() => setEditing(d)} onDelete={() => setDeleting(d)} />
      ),
    },
  ];
  return (
    <>
      <PageHeader
        title="Deployments"
        description="Every deployment of this workspace. Filters and the page are in the address: share it to share this view."
        actions={
          <button type="button" className="button" onClick={() => setEditing('new')}>
            New deployment
          </button>
        }
      />
      <FlashMessage message={flash} onDone={clearFlash} />
      <ListToolbar
        params={params}
        update={update}
        statuses={DEPLOYMENT_STATUSES}
        searchLabel="Search projects"
        sorts={SORTS}
      />
      <ResourceList
        path="/deployments"
        label="Deployments"
        params={params}
        update={update}
        columns={columns}
        rowKey={(d) => d.id}
        reloadKey={reloadKey}
        empty={(filtered) =>
          filtered ? (
            <EmptyState title="No deployment matches these filters">
              <p>Change the search or the filters, or clear them.</p>
            </EmptyState>
          ) : (
            <EmptyState title="No deployments yet">
              <p>Create the first one with “New deployment”.</p>
            </EmptyState>
          )
        }
      />
      <Dialog
        title={editing === 'new' ? 'New deployment' : 'Edit deployment'}
        open={editing !== null}
        onClose={() => setEditing(null)}
      >
        <DeploymentForm
          deployment={editing === 'new' ? null : editing}
          onSaved={(d) => saved(d, editing === 'new')}
          onCancel={() => setEditing(null)}
        />
      </Dialog>
      <ConfirmDialog
        title="Delete deployment"
        open={deleting !== null}
        onClose={() => setDeleting(null)}
        confirmLabel="Delete"
        danger
        onConfirm={async () => {
          await api(`/deployments/${deleting!.id}`, { method: 'DELETE' });
          setFlash(`Deployment ${deleting!.project_name} deleted.`);
          setReloadKey((k) => k + 1);
        }}
      >
        <p>
          Delete <strong>{deleting?.project_name}</strong>? This cannot be undone.
        </p>
      </ConfirmDialog>
    </>
  );
}
