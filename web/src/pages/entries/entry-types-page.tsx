import { useState } from 'react';
import { Link } from 'react-router';
import { api } from '../../api/api-client';
import type { EntryType } from '../../api/types';
import { AsyncContent } from '../../components/async-content';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { Dialog } from '../../components/dialog';
import { PageHeader } from '../../components/page-header';
import { useApiGet } from '../../hooks/use-api-get';
import { useDocumentTitle } from '../../hooks/use-document-title';
import { EntryTypeEditor } from './entry-type-editor';

/** Administrators define entry types: a key, a name, a JSON Schema and optionally a feature. */
export function EntryTypesPage() {
  useDocumentTitle('Entry types');
  const [refresh, setRefresh] = useState(0);
  const [editing, setEditing] = useState<EntryType | 'new' | null>(null);
  const [deleting, setDeleting] = useState<EntryType | null>(null);
  const types = useApiGet<EntryType[]>('/entry-types', { per_page: 100 }, { refreshKey: refresh });
  const done = () => {
    setEditing(null);
    setRefresh((n) => n + 1);
  };
  return (
    <>
      <PageHeader
        title="Entry types"
        description="Each type is a JSON Schema; entries are validated against it. A change existing entries fail is refused."
        actions={
          <button type="button" className="button" onClick={() => setEditing('new')}>
            New entry type
          </button>
        }
      />
      <AsyncContent state={types} loadingLabel="Loading entry types…">
        {(rows) => (
          <div className="table-wrap">
            <table className="data-table">
              <thead>
                <tr>
                  <th scope="col">Name</th>
                  <th scope="col">Key</th>
                  <th scope="col">Fields</th>
                  <th scope="col">Feature</th>
                  <th scope="col">Actions</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((type) => (
                  <tr key={type.key}>
                    <td data-label="Name">
                      <Link to={`/entries/${type.key}`}>{type.name}</Link>
                    </td>
                    <td data-label="Key">
                      <code>{type.key}</code>
                    </td>
                    <td data-label="Fields">
                      {Object.keys((type.schema.properties as object | undefined) ?? {}).join(', ')}
                    </td>
                    <td data-label="Feature">{type.feature ?? '—'}</td>
                    <td data-label="Actions">
                      <div className="row-actions">
                        <button type="button" className="link-button" onClick={() => setEditing(type)}>
                          Edit
                        </button>
                        <button type="button" className="link-button" onClick={() => setDeleting(type)}>
                          Delete
                        </button>
                      </div>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </AsyncContent>
      <Dialog
        title={editing === 'new' ? 'New entry type' : `Edit ${editing ? editing.name : ''}`}
        open={editing !== null}
        onClose={() => setEditing(null)}
      >
        <EntryTypeEditor
          type={editing === 'new' ? null : editing}
          onSaved={done}
          onCancel={() => setEditing(null)}
        />
      </Dialog>
      <ConfirmDialog
        title="Delete this entry type?"
        confirmLabel="Delete type"
        danger
        open={deleting !== null}
        onClose={() => setDeleting(null)}
        onConfirm={async () => {
          await api(`/entry-types/${deleting!.key}`, { method: 'DELETE' });
          setDeleting(null);
          setRefresh((n) => n + 1);
        }}
      >
        <p>A type that still has entries cannot be deleted.</p>
      </ConfirmDialog>
    </>
  );
}
