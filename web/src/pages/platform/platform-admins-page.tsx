import { useCallback, useState } from 'react';
import { api } from '../../api/api-client';
import { PLATFORM_ROLES } from '../../api/session-store';
import { useSession } from '../../auth/use-session';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { EmptyState } from '../../components/empty-state';
import { ErrorPanel } from '../../components/error-panel';
import { FlashMessage } from '../../components/flash-message';
import { formatDateTime, humanize } from '../../components/format';
import { LoadingState } from '../../components/loading-state';
import { PageHeader } from '../../components/page-header';
import { useApiGet } from '../../hooks/use-api-get';
import { useDocumentTitle } from '../../hooks/use-document-title';
import { type Column, DataTable } from '../../lists/data-table';
import { AddPlatformAdminForm } from './add-platform-admin-form';

export interface PlatformAdmin {
  id: string;
  email: string;
  role: (typeof PLATFORM_ROLES)[number];
  mfa: 'enabled' | 'pending' | 'off';
  created_at: string;
}

/** What each platform role may do, as the server's route table decides it. */
const ROLE_HINTS: Record<PlatformAdmin['role'], string> = {
  platform_admin: 'everything',
  platform_support: 'reads every tenant and acts inside one read-only',
  platform_billing: 'reads tenants and usage, sets billing customers',
};

const MFA_TONES: Record<PlatformAdmin['mfa'], string> = { enabled: 'good', pending: 'warn', off: 'muted' };

/** Platform staff and their roles (SPEC §8); only platform_admin reaches this page's API. */
export function PlatformAdminsPage() {
  useDocumentTitle('Platform admins');
  const session = useSession();
  const [reloadKey, setReloadKey] = useState(0);
  const admins = useApiGet<PlatformAdmin[]>('/platform/admins', undefined, {
    tenant: null,
    refreshKey: reloadKey,
    allPages: true,
  });
  const [flash, setFlash] = useState<string | null>(null);
  const [roleError, setRoleError] = useState<unknown>(null);
  const [removing, setRemoving] = useState<PlatformAdmin | null>(null);
  const clearFlash = useCallback(() => setFlash(null), []);
  const changed = (message: string) => {
    setFlash(message);
    setReloadKey((n) => n + 1);
  };
  const changeRole = async (admin: PlatformAdmin, role: string) => {
    setRoleError(null);
    try {
      await api(`/platform/admins/${admin.id}`, { method: 'PATCH', body: { role }, tenant: null });
      changed(`${admin.email} is now ${humanize(role)}; their sessions ended.`);
    } catch (error) {
      setRoleError(error);
    }
  };
  const columns: Column<PlatformAdmin>[] = [
    {
      key: 'email',
      label: 'Email',
      render: (a) => (
        <>
          <strong>{a.email}</strong>
          {a.id === session?.user.id && <span className="muted"> (you)</span>}
        </>
      ),
    },
    {
      key: 'role',
      label: 'Role',
      render: (a) => (
        <select
          aria-label={`Role of ${a.email}`}
          value={a.role}
          onChange={(event) => void changeRole(a, event.target.value)}
        >
          {PLATFORM_ROLES.map((role) => (
            <option key={role} value={role}>
              {humanize(role)}
            </option>
          ))}
        </select>
      ),
    },
    { key: 'may', label: 'May', className: 'cell-text', render: (a) => ROLE_HINTS[a.role] },
    {
      key: 'mfa',
      label: 'MFA',
      render: (a) => <span className={`badge badge-${MFA_TONES[a.mfa]}`}>{a.mfa}</span>,
    },
    { key: 'created', label: 'Added', className: 'cell-nowrap', render: (a) => formatDateTime(a.created_at) },
    {
      key: 'actions',
      label: 'Actions',
      render: (a) => (
        <button
          type="button"
          className="button button-danger-quiet button-small"
          aria-label={`Remove ${a.email}`}
          onClick={() => setRemoving(a)}
        >
          Remove
        </button>
      ),
    },
  ];
  return (
    <>
      <PageHeader
        title="Platform admins"
        description="The operator's staff. A role change or removal ends that person's sessions within seconds; the last platform admin cannot be demoted or removed."
      />
      <FlashMessage message={flash} onDone={clearFlash} />
      {roleError !== null && <ErrorPanel error={roleError} />}
      <AddPlatformAdminForm onAdded={(email) => changed(`${email} was added.`)} />
      {admins.error ? (
        <ErrorPanel error={admins.error} onRetry={admins.reload} />
      ) : !admins.result ? (
        <LoadingState label="Loading platform admins…" />
      ) : admins.result.data.length === 0 ? (
        <EmptyState title="No platform admins" />
      ) : (
        <DataTable
          caption="Platform admins"
          columns={columns}
          rows={admins.result.data}
          rowKey={(a) => a.id}
        />
      )}
      <ConfirmDialog
        title={`Remove ${removing?.email ?? ''}?`}
        open={removing !== null}
        onClose={() => setRemoving(null)}
        confirmLabel="Remove"
        danger
        onConfirm={async () => {
          await api(`/platform/admins/${removing!.id}`, { method: 'DELETE', tenant: null });
          changed(`${removing!.email} was removed.`);
          setRemoving(null);
        }}
      >
        <p>They are signed out everywhere within seconds and can no longer sign in.</p>
      </ConfirmDialog>
    </>
  );
}
