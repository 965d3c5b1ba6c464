import { useCallback, useState } from 'react';
import { api } from '../../api/api-client';
import type { Role } from '../../api/types';
import { AsyncContent } from '../../components/async-content';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { Dialog } from '../../components/dialog';
import { FlashMessage } from '../../components/flash-message';
import { PageHeader } from '../../components/page-header';
import { useApiGet } from '../../hooks/use-api-get';
import { useDocumentTitle } from '../../hooks/use-document-title';
import { type Column, DataTable } from '../../lists/data-table';
import { RowActions } from '../../lists/row-actions';
import { RoleForm } from './role-form';

/** The workspace's roles: built-in ones (owner always holds everything) and custom ones. */
export function RolesPage() {
  useDocumentTitle('Roles');
  const [reloadKey, setReloadKey] = useState(0);
  const roles = useApiGet<Role[]>('/roles', undefined, { refreshKey: reloadKey, allPages: true });
  const [editing, setEditing] = useState<Role | 'new' | null>(null);
  const [deleting, setDeleting] = useState<Role | null>(null);
  const [flash, setFlash] = useState<string | null>(null);
  const clearFlash = useCallback(() => setFlash(null), []);
  const columns: Column<Role>[] = [
    {
      key: 'name',
      label: 'Role',
      render: (r) => (
        <>
          <strong>{r.name}</strong> {r.built_in && <span className="badge badge-muted">built-in</span>}
        </>
      ),
    },
    {
      key: 'permissions',
      label: 'Permissions',
      render: (r) => (
        <ul className="chips">
          {r.permissions.map((p) => (
            <li key={p}>
              <code>{p}</code>
            </li>
          ))}
        </ul>
      ),
    },
    {
      key: 'actions',
      label: 'Actions',
      render: (r) =>
        r.name === 'owner' ? (
          <span className="muted">Always every permission</span>
        ) : (
          <RowActions
            name={r.name}
            onEdit={() => setEditing(r)}
            onDelete={r.built_in ? undefined : () => setDeleting(r)}
          />
        ),
    },
  ];
  return (
    <>
      <PageHeader
        title="Roles"
        description="What each role may do. A change reaches every user holding the role at once."
        actions={
          <button type="button" className="button" onClick={() => setEditing('new')}>
            New role
          </button>
        }
      />
      <FlashMessage message={flash} onDone={clearFlash} />
      <AsyncContent state={roles} loadingLabel="Loading roles…">
        {(rows) => <DataTable caption="Roles" columns={columns} rows={rows} rowKey={(r) => r.name} />}
      </AsyncContent>
      <Dialog
        title={editing === 'new' ? 'New role' : `Edit role ${editing?.name ?? ''}`}
        open={editing !== null}
        onClose={() => setEditing(null)}
      >
        <RoleForm
          role={editing === 'new' ? null : editing}
          onCancel={() => setEditing(null)}
          onSaved={(role) => {
            setEditing(null);
            setFlash(`Role ${role.name} saved.`);
            setReloadKey((k) => k + 1);
          }}
        />
      </Dialog>
      <ConfirmDialog
        title="Delete role"
        open={deleting !== null}
        onClose={() => setDeleting(null)}
        confirmLabel="Delete"
        danger
        onConfirm={async () => {
          await api(`/roles/${encodeURIComponent(deleting!.name)}`, { method: 'DELETE' });
          setFlash(`Role ${deleting!.name} deleted.`);
          setReloadKey((k) => k + 1);
        }}
      >
        <p>
          Delete the role <strong>{deleting?.name}</strong>? Users holding it lose its permissions.
        </p>
      </ConfirmDialog>
    </>
  );
}
