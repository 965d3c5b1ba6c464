import { useCallback, useState } from 'react';
import { api } from '../../api/api-client';
import type { Role, TenantStats, User } from '../../api/types';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { Dialog } from '../../components/dialog';
import { EmptyState } from '../../components/empty-state';
import { ErrorPanel } from '../../components/error-panel';
import { FlashMessage } from '../../components/flash-message';
import { formatDateTime } from '../../components/format';
import { PageHeader } from '../../components/page-header';
import { StatusBadge } from '../../components/status-badge';
import { useApiGet } from '../../hooks/use-api-get';
import { useDocumentTitle } from '../../hooks/use-document-title';
import { useTenantId } from '../../hooks/use-tenant-id';
import type { Column } from '../../lists/data-table';
import { ListToolbar } from '../../lists/list-toolbar';
import { ResourceList } from '../../lists/resource-list';
import { useListParams } from '../../lists/use-list-params';
import { EditProfileForm } from './edit-profile-form';
import { InviteUserForm } from './invite-user-form';
import { SeatSummary } from './seat-summary';
import { UserRoleSelect } from './user-role-select';
import { UserRowActions } from './user-row-actions';
import { useSession } from '../../auth/use-session';

const BUILT_IN_ROLES = ['owner', 'admin', 'member', 'viewer'];
const SORTS = [
  { value: '-created_at', label: 'Newest first' },
  { value: 'created_at', label: 'Oldest first' },
  { value: 'name', label: 'Email A–Z' },
  { value: '-name', label: 'Email Z–A' },
  { value: 'status', label: 'Status' },
];

/** The workspace's people and pending invitations, against the tier's seat limit. */
export function UsersPage() {
  useDocumentTitle('Users & invitations');
  const tenantId = useTenantId()!;
  const [params, update] = useListParams();
  const [reloadKey, setReloadKey] = useState(0);
  const [inviting, setInviting] = useState(false);
  const [removing, setRemoving] = useState<User | null>(null);
  const [disabling, setDisabling] = useState<User | null>(null);
  const me = useSession()?.user.id;
  // Owners among the first 100 active users: enough to tell "the only owner" (the server checks all).
  const active = useApiGet<User[]>('/users', { status: 'active', per_page: 100 }, { refreshKey: reloadKey });
  const owners = active.result?.data.filter((u) => u.roles.includes('owner')).length ?? 0;
  const [editing, setEditing] = useState<User | null>(null);
  const [flash, setFlash] = useState<string | null>(null);
  const [actionError, setActionError] = useState<unknown>(null);
  const clearFlash = useCallback(() => setFlash(null), []);
  const stats = useApiGet<TenantStats>(`/tenants/${encodeURIComponent(tenantId)}/stats`, undefined, {
    refreshKey: reloadKey,
  });
  const rolesState = useApiGet<Role[]>('/roles', undefined, { allPages: true });
  const roles = rolesState.result?.data.map((r) => r.name) ?? BUILT_IN_ROLES;
  const changed = (message: string) => {
    setActionError(null);
    setFlash(message);
    setReloadKey((k) => k + 1);
  };
  const setStatus = async (user: User, status: 'active' | 'disabled') => {
    await api(`/users/${user.id}`, { method: 'PATCH', body: { status } });
    changed(`${user.email} ${status === 'active' ? 'enabled' : 'disabled'}.`);
  };
  const columns: Column<User>[] = [
    {
      key: 'email',
      label: 'Email',
      sort: ['name', '-name'],
      render: (u) => {
        const profile = [u.name, u.job_title, u.department].filter(Boolean).join(' · ');
        return (
          <>
            <strong>{u.email}</strong>
            {profile && <div className="muted">{profile}</div>}
          </>
        );
      },
    },
    {
      key: 'role',
      label: 'Role',
      render: (u) => (
        <UserRoleSelect
          user={u}
          locked={u.id === me && u.roles.includes('owner') && owners <= 1}
          roles={roles}
          onChanged={() => changed(`Role of ${u.email} changed.`)}
          onError={setActionError}
        />
      ),
    },
    { key: 'status', label: 'Status', sort: ['status'], render: (u) => <StatusBadge status={u.status} /> },
    {
      key: 'created',
      label: 'Added',
      className: 'cell-nowrap',
      sort: ['created_at', '-created_at'],
      render: (u) => formatDateTime(u.created_at),
    },
    {
      key: 'actions',
      label: 'Actions',
      render: (u) => (
        <UserRowActions
          user={u}
          self={u.id === me}
          onProfile={() => setEditing(u)}
          onDisable={() => setDisabling(u)}
          onEnable={() => void setStatus(u, 'active').catch(setActionError)}
          onRemove={() => setRemoving(u)}
        />
      ),
    },
  ];
  return (
    <>
      <PageHeader
        title="Users & invitations"
        description="Invite people by mail; they choose their own password. Everyone takes a seat of your tier's limit, pending invitations included."
        actions={
          <button type="button" className="button" onClick={() => setInviting(true)}>
            Invite user
          </button>
        }
      />
      <FlashMessage message={flash} onDone={clearFlash} />
      <SeatSummary stats={stats} />
      {actionError !== null && <ErrorPanel error={actionError} />}
      <ListToolbar
        params={params}
        update={update}
        statuses={['active', 'invited', 'disabled']}
        searchLabel="Search emails"
        sorts={SORTS}
      />
      <ResourceList
        path="/users"
        label="Users"
        params={params}
        update={update}
        columns={columns}
        rowKey={(u) => u.id}
        reloadKey={reloadKey}
        empty={(filtered) => (
          <EmptyState title={filtered ? 'Nobody matches these filters' : 'No users yet'} />
        )}
      />
      <Dialog title="Invite a user" open={inviting} onClose={() => setInviting(false)}>
        <InviteUserForm
          roles={roles}
          onCancel={() => setInviting(false)}
          onDone={(user) => {
            setInviting(false);
            changed(user.status === 'invited' ? `Invitation sent to ${user.email}.` : `${user.email} added.`);
          }}
        />
      </Dialog>
      <Dialog
        title={`Profile of ${editing?.email ?? ''}`}
        open={editing !== null}
        onClose={() => setEditing(null)}
      >
        {editing && (
          <EditProfileForm
            user={editing}
            onCancel={() => setEditing(null)}
            onDone={() => {
              changed(`Profile of ${editing.email} saved.`);
              setEditing(null);
            }}
          />
        )}
      </Dialog>
      <ConfirmDialog
        title="Disable user"
        open={disabling !== null}
        onClose={() => setDisabling(null)}
        confirmLabel="Disable"
        danger
        onConfirm={() => setStatus(disabling!, 'disabled')}
      >
        <p>
          Disable <strong>{disabling?.email}</strong>? They cannot sign in until enabled again; their seat
          stays taken.
        </p>
      </ConfirmDialog>
      <ConfirmDialog
        title={removing?.status === 'invited' ? 'Revoke invitation' : 'Remove user'}
        open={removing !== null}
        onClose={() => setRemoving(null)}
        confirmLabel={removing?.status === 'invited' ? 'Revoke' : 'Remove'}
        danger
        onConfirm={async () => {
          await api(`/users/${removing!.id}`, { method: 'DELETE' });
          changed(`${removing!.email} removed.`);
        }}
      >
        <p>
          {removing?.status === 'invited' ? 'Revoke the invitation of' : 'Remove'}{' '}
          <strong>{removing?.email}</strong>? Their seat becomes free.
        </p>
      </ConfirmDialog>
    </>
  );
}
