import { useCallback, useState } from 'react';
import { api } from '../../api/api-client';
import type { ApiKey } from '../../api/types';
import { AsyncContent } from '../../components/async-content';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { Dialog } from '../../components/dialog';
import { EmptyState } from '../../components/empty-state';
import { FlashMessage } from '../../components/flash-message';
import { formatDateTime } from '../../components/format';
import { PageHeader } from '../../components/page-header';
import { StatusBadge } from '../../components/status-badge';
import { useApiGet } from '../../hooks/use-api-get';
import { useDocumentTitle } from '../../hooks/use-document-title';
import { type Column, DataTable } from '../../lists/data-table';
import { RowActions } from '../../lists/row-actions';
import { ApiKeyForm } from './api-key-form';

/** Service accounts: keys with scoped permissions, stored hashed, their secret shown once. */
export function ApiKeysPage() {
  useDocumentTitle('API keys');
  const [reloadKey, setReloadKey] = useState(0);
  const keys = useApiGet<ApiKey[]>('/api-keys', undefined, { refreshKey: reloadKey, allPages: true });
  const [creating, setCreating] = useState(false);
  const [revoking, setRevoking] = useState<ApiKey | null>(null);
  const [flash, setFlash] = useState<string | null>(null);
  const clearFlash = useCallback(() => setFlash(null), []);
  const columns: Column<ApiKey>[] = [
    { key: 'name', label: 'Name', className: 'cell-nowrap', render: (k) => <strong>{k.name}</strong> },
    {
      key: 'permissions',
      label: 'Permissions',
      render: (k) => (
        <ul className="chips">
          {k.permissions.map((p) => (
            <li key={p}>
              <code>{p}</code>
            </li>
          ))}
        </ul>
      ),
    },
    {
      key: 'status',
      label: 'Status',
      render: (k) => <StatusBadge status={k.revoked_at ? 'revoked' : 'active'} />,
    },
    {
      key: 'created',
      label: 'Created',
      className: 'cell-nowrap',
      render: (k) => formatDateTime(k.created_at),
    },
    {
      key: 'used',
      label: 'Last used',
      className: 'cell-nowrap',
      render: (k) => formatDateTime(k.last_used_at),
    },
    {
      key: 'actions',
      label: 'Actions',
      render: (k) =>
        k.revoked_at ? (
          <span className="muted">Revoked {formatDateTime(k.revoked_at)}</span>
        ) : (
          <RowActions name={k.name} onDelete={() => setRevoking(k)} deleteLabel="Revoke" />
        ),
    },
  ];
  return (
    <>
      <PageHeader
        title="API keys"
        description="Keys let programs call the API as this workspace, with only the permissions you give them."
        actions={
          <button type="button" className="button" onClick={() => setCreating(true)}>
            New API key
          </button>
        }
      />
      <FlashMessage message={flash} onDone={clearFlash} />
      <AsyncContent state={keys} loadingLabel="Loading API keys…">
        {(rows) =>
          rows.length === 0 ? (
            <EmptyState title="No API keys yet">
              <p>Create one for each program that calls the API, so each can be revoked on its own.</p>
            </EmptyState>
          ) : (
            <DataTable caption="API keys" columns={columns} rows={rows} rowKey={(k) => k.id} />
          )
        }
      </AsyncContent>
      <Dialog title="New API key" open={creating} onClose={() => setCreating(false)}>
        <ApiKeyForm onCreated={() => setReloadKey((k) => k + 1)} onClose={() => setCreating(false)} />
      </Dialog>
      <ConfirmDialog
        title="Revoke API key"
        open={revoking !== null}
        onClose={() => setRevoking(null)}
        confirmLabel="Revoke"
        danger
        onConfirm={async () => {
          await api(`/api-keys/${revoking!.id}`, { method: 'DELETE' });
          setFlash(`API key ${revoking!.name} revoked.`);
          setReloadKey((k) => k + 1);
        }}
      >
        <p>
          Revoke <strong>{revoking?.name}</strong>? Programs using it stop working at once.
        </p>
      </ConfirmDialog>
    </>
  );
}
