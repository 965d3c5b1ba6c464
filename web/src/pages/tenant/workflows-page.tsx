import { useCallback, useState } from 'react';
import { api } from '../../api/api-client';
import { WORKFLOW_STATUSES, type Workflow } from '../../api/types';
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
import { WorkflowForm } from './workflow-form';

const SORTS = [
  { value: '-created_at', label: 'Newest first' },
  { value: 'created_at', label: 'Oldest first' },
  { value: 'name', label: 'Name A–Z' },
  { value: '-name', label: 'Name Z–A' },
  { value: 'status', label: 'Status' },
];

/** Seed 003's workflows: server-side pages or infinite scroll, filters in the URL, create/edit/delete. */
export function WorkflowsPage() {
  useDocumentTitle('Workflows');
  const [params, update] = useListParams();
  const [reloadKey, setReloadKey] = useState(0);
  const [editing, setEditing] = useState<Workflow | 'new' | null>(null);
  const [deleting, setDeleting] = useState<Workflow | null>(null);
  const [flash, setFlash] = useState<string | null>(null);
  const clearFlash = useCallback(() => setFlash(null), []);
  const saved = (workflow: Workflow, created: boolean) => {
    setEditing(null);
    setFlash(`Workflow ${workflow.name} ${created ? 'created' : 'saved'}.`);
    setReloadKey((k) => k + 1);
  };
  const columns: Column<Workflow>[] = [
    { key: 'name', label: 'Name', sort: ['name', '-name'], render: (d) => <strong>{d.name}</strong> },
    { key: 'status', label: 'Status', sort: ['status'], render: (d) => <StatusBadge status={d.status} /> },
    {
      key: 'config',
      label: 'Configuration',
      className: 'cell-truncate',
      render: (d) => <code>{JSON.stringify(d.config)}</code>,
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
        <RowActions name={d.name} onEdit={() => setEditing(d)} onDelete={() => setDeleting(d)} />
      ),
    },
  ];
  return (
    <>
      <PageHeader
        title="Workflows"
        description="Every workflow of this workspace. Filters and the page are in the address: share it to share this view."
        actions={
          <button type="button" className="button" onClick={() => setEditing('new')}>
            New workflow
          </button>
        }
      />
      <FlashMessage message={flash} onDone={clearFlash} />
      <ListToolbar
        params={params}
        update={update}
        statuses={WORKFLOW_STATUSES}
        searchLabel="Search workflows"
        sorts={SORTS}
      />
      <ResourceList
        path="/workflows"
        label="Workflows"
        params={params}
        update={update}
        columns={columns}
        rowKey={(d) => d.id}
        reloadKey={reloadKey}
        empty={(filtered) =>
          filtered ? (
            <EmptyState title="No workflow matches these filters">
              <p>Change the search or the filters, or clear them.</p>
            </EmptyState>
          ) : (
            <EmptyState title="No workflows yet">
              <p>Create the first one with “New workflow”.</p>
            </EmptyState>
          )
        }
      />
      <Dialog
        title={editing === 'new' ? 'New workflow' : 'Edit workflow'}
        open={editing !== null}
        onClose={() => setEditing(null)}
      >
        <WorkflowForm
          workflow={editing === 'new' ? null : editing}
          onSaved={(d) => saved(d, editing === 'new')}
          onCancel={() => setEditing(null)}
        />
      </Dialog>
      <ConfirmDialog
        title="Delete workflow"
        open={deleting !== null}
        onClose={() => setDeleting(null)}
        confirmLabel="Delete"
        danger
        onConfirm={async () => {
          await api(`/workflows/${deleting!.id}`, { method: 'DELETE' });
          setFlash(`Workflow ${deleting!.name} deleted.`);
          setReloadKey((k) => k + 1);
        }}
      >
        <p>
          Delete <strong>{deleting?.name}</strong>? This cannot be undone.
        </p>
      </ConfirmDialog>
    </>
  );
}
