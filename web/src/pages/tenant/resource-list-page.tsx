import { type ReactNode, useCallback, useState } from 'react';
import { api } from '../../api/api-client';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { Dialog } from '../../components/dialog';
import { EmptyState } from '../../components/empty-state';
import { FlashMessage } from '../../components/flash-message';
import { formatDateTime, humanize } from '../../components/format';
import { PageHeader } from '../../components/page-header';
import { StatusBadge } from '../../components/status-badge';
import { useDocumentTitle } from '../../hooks/use-document-title';
import type { Column } from '../../lists/data-table';
import { ListToolbar } from '../../lists/list-toolbar';
import { ResourceList } from '../../lists/resource-list';
import { RowActions } from '../../lists/row-actions';
import { useListParams } from '../../lists/use-list-params';

/** The fields the shared columns, filters and sorts read: the API's name/status/created_at sorts. */
interface ListedResource {
  id: string;
  status: string;
  created_at: string;
}

/** What the page hands its form; the form calls one of them when it is done. */
export interface FormHandlers<T> {
  onSaved: (row: T) => void;
  onCancel: () => void;
}

interface ResourceListPageProps<T extends ListedResource> {
  /** The API collection; a row is deleted at `${path}/${id}`. */
  path: string;
  /** Lower case, as the visible text uses them: `deployment`, `deployments`. */
  singular: string;
  plural: string;
  /** Heads the name column and names its sorts (`Project A–Z`). */
  nameLabel: string;
  /** The row as the name column, the row buttons, the messages and the delete question name it. */
  nameOf: (row: T) => string;
  searchLabel: string;
  statuses: readonly string[];
  /** The resource's own columns, between status and creation date. */
  columns: Column<T>[];
  /** The create (`row` null) or edit form, inside the page's dialog. */
  form: (row: T | null, handlers: FormHandlers<T>) => ReactNode;
}

/** A tenant resource's list page: filters in the URL, page or infinite-scroll list, create/edit/delete. */
export function ResourceListPage<T extends ListedResource>(props: ResourceListPageProps<T>) {
  const { singular, plural, nameOf } = props;
  const title = humanize(plural);
  const capitalised = humanize(singular);
  useDocumentTitle(title);
  const [params, update] = useListParams();
  const [reloadKey, setReloadKey] = useState(0);
  const [editing, setEditing] = useState<T | 'new' | null>(null);
  const [deleting, setDeleting] = useState<T | null>(null);
  const [flash, setFlash] = useState<string | null>(null);
  const clearFlash = useCallback(() => setFlash(null), []);
  const saved = (row: T, created: boolean) => {
    setEditing(null);
    setFlash(`${capitalised} ${nameOf(row)} ${created ? 'created' : 'saved'}.`);
    setReloadKey((k) => k + 1);
  };
  const sorts = [
    { value: '-created_at', label: 'Newest first' },
    { value: 'created_at', label: 'Oldest first' },
    { value: 'name', label: `${props.nameLabel} A–Z` },
    { value: '-name', label: `${props.nameLabel} Z–A` },
    { value: 'status', label: 'Status' },
  ];
  const columns: Column<T>[] = [
    {
      key: 'name',
      label: props.nameLabel,
      sort: ['name', '-name'],
      render: (r) => <strong>{nameOf(r)}</strong>,
    },
    { key: 'status', label: 'Status', sort: ['status'], render: (r) => <StatusBadge status={r.status} /> },
    ...props.columns,
    {
      key: 'created',
      label: 'Created',
      className: 'cell-nowrap',
      sort: ['created_at', '-created_at'],
      render: (r) => formatDateTime(r.created_at),
    },
    {
      key: 'actions',
      label: 'Actions',
      render: (r) => (
        <RowActions name={nameOf(r)} onEdit={() => setEditing(r)} onDelete={() => setDeleting(r)} />
      ),
    },
  ];
  const cancel = () => setEditing(null);
  return (
    <>
      <PageHeader
        title={title}
        description={`Every ${singular} of this workspace. Filters and the page are in the address: share it to share this view.`}
        actions={
          <button type="button" className="button" onClick={() => setEditing('new')}>
            New {singular}
          </button>
        }
      />
      <FlashMessage message={flash} onDone={clearFlash} />
      <ListToolbar
        params={params}
        update={update}
        statuses={props.statuses}
        searchLabel={props.searchLabel}
        sorts={sorts}
      />
      <ResourceList
        path={props.path}
        label={title}
        params={params}
        update={update}
        columns={columns}
        rowKey={(r) => r.id}
        reloadKey={reloadKey}
        empty={(filtered) =>
          filtered ? (
            <EmptyState title={`No ${singular} matches these filters`}>
              <p>Change the search or the filters, or clear them.</p>
            </EmptyState>
          ) : (
            <EmptyState title={`No ${plural} yet`}>
              <p>Create the first one with “New {singular}”.</p>
            </EmptyState>
          )
        }
      />
      <Dialog
        title={`${editing === 'new' ? 'New' : 'Edit'} ${singular}`}
        open={editing !== null}
        onClose={cancel}
      >
        {props.form(editing === 'new' ? null : editing, {
          onSaved: (row) => saved(row, editing === 'new'),
          onCancel: cancel,
        })}
      </Dialog>
      <ConfirmDialog
        title={`Delete ${singular}`}
        open={deleting !== null}
        onClose={() => setDeleting(null)}
        confirmLabel="Delete"
        danger
        onConfirm={async () => {
          await api(`${props.path}/${deleting!.id}`, { method: 'DELETE' });
          setFlash(`${capitalised} ${nameOf(deleting!)} deleted.`);
          setReloadKey((k) => k + 1);
        }}
      >
        <p>
          Delete <strong>{deleting && nameOf(deleting)}</strong>? This cannot be undone.
        </p>
      </ConfirmDialog>
    </>
  );
}
