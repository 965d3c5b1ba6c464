import { useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { api } from '../../api/api-client';
import type { Entry, EntryType, PagePagination } from '../../api/types';
import { AsyncContent } from '../../components/async-content';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { Dialog } from '../../components/dialog';
import { ErrorPanel } from '../../components/error-panel';
import { PageHeader } from '../../components/page-header';
import { PaginationBar } from '../../components/pagination-bar';
import { SelectField } from '../../components/select-field';
import { useApiGet } from '../../hooks/use-api-get';
import { useDocumentTitle } from '../../hooks/use-document-title';
import { useSubmit } from '../../hooks/use-submit';
import { type Column, DataTable } from '../../lists/data-table';
import { SearchBox } from '../../lists/search-box';
import { cellText, columnsOf, filterableOf, type SchemaNode } from './entry-schema';
import { SchemaForm } from './schema-form';

/** The entries of one type: columns, filters and sorts from its schema; create and edit through a schema-built form. */
export function EntriesPage() {
  const { type = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const [refresh, setRefresh] = useState(0);
  const [editing, setEditing] = useState<Entry | 'new' | null>(null);
  const [deleting, setDeleting] = useState<Entry | null>(null);
  const typeState = useApiGet<EntryType>(`/entry-types/${encodeURIComponent(type)}`);
  // Page mode always: the bar shows totals; cursor lists are the API's, for integrators.
  const query = Object.fromEntries(params.entries());
  const list = useApiGet<Entry[]>(`/entries/${encodeURIComponent(type)}`, query, { refreshKey: refresh });
  useDocumentTitle(typeState.result?.data.name ?? 'Entries');
  const set = (changes: Record<string, string | null>) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(changes)) {
      if (value === null || value === '') next.delete(key);
      else next.set(key, value);
    }
    if (!('page' in changes)) next.delete('page');
    setParams(next);
  };
  const save = useSubmit(async (data: Record<string, unknown>) => {
    const path = `/entries/${encodeURIComponent(type)}`;
    if (editing === 'new') await api(path, { method: 'POST', body: { data } });
    else if (editing) {
      // A merge patch: fields emptied in the form are removed with null.
      const patch: Record<string, unknown> = { ...data };
      for (const key of Object.keys(editing.data)) if (!(key in data)) patch[key] = null;
      await api(`${path}/${editing.id}`, { method: 'PATCH', body: { data: patch } });
    }
    setEditing(null);
    setRefresh((n) => n + 1);
  });
  return (
    <AsyncContent state={typeState} loadingLabel="Loading the type…">
      {({ name, schema: raw }) => {
        const schema = raw as SchemaNode;
        const columns: Column<Entry>[] = [
          ...columnsOf(schema).map((field) => ({
            key: field.name,
            label: field.label,
            render: (entry: Entry) => cellText(entry.data[field.name]),
            sort: field.kind === 'json' ? undefined : [`data.${field.name}`, `-data.${field.name}`],
          })),
          {
            key: 'created_at',
            label: 'Created',
            render: (entry: Entry) => new Date(entry.created_at).toLocaleString(),
            sort: ['created_at', '-created_at'],
          },
          {
            key: 'actions',
            label: 'Actions',
            render: (entry: Entry) => (
              <div className="row-actions">
                <button
                  type="button"
                  className="link-button"
                  onClick={() => {
                    save.clearError();
                    setEditing(entry);
                  }}
                >
                  Edit
                </button>
                <button type="button" className="link-button" onClick={() => setDeleting(entry)}>
                  Delete
                </button>
              </div>
            ),
          },
        ];
        return (
          <>
            <PageHeader
              title={name}
              description={<Link to="/entries">All entry types</Link>}
              actions={
                <button
                  type="button"
                  className="button"
                  onClick={() => {
                    save.clearError();
                    setEditing('new');
                  }}
                >
                  New entry
                </button>
              }
            />
            <div className="toolbar" role="search">
              <SearchBox
                label={`Search ${name.toLowerCase()}`}
                value={params.get('q') ?? ''}
                onSearch={(q) => set({ q })}
              />
              {filterableOf(schema).map((field) => (
                <SelectField
                  key={field.name}
                  label={field.label}
                  value={params.get(`filter[${field.name}]`) ?? ''}
                  options={[
                    { value: '', label: 'Any' },
                    ...(field.kind === 'boolean'
                      ? ['true', 'false']
                      : (field.node.enum ?? []).map(String)
                    ).map((v) => ({ value: v, label: v })),
                  ]}
                  onChange={(event) => set({ [`filter[${field.name}]`]: event.target.value })}
                />
              ))}
            </div>
            {list.error !== undefined && list.error !== null && (
              <ErrorPanel error={list.error} onRetry={list.reload} />
            )}
            {list.result && (
              <>
                {list.result.data.length === 0 ? (
                  <p className="muted">No {name.toLowerCase()} match.</p>
                ) : (
                  <DataTable
                    caption={name}
                    columns={columns}
                    rows={list.result.data}
                    rowKey={(entry) => entry.id}
                    sort={params.get('sort') ?? '-created_at'}
                    onSort={(sort) => set({ sort })}
                  />
                )}
                <PaginationBar
                  label={name}
                  pagination={list.result.pagination as unknown as PagePagination}
                  onPage={(page) => set({ page: String(page) })}
                />
              </>
            )}
            <Dialog
              title={
                editing === 'new' ? `New ${name.toLowerCase()} entry` : `Edit ${name.toLowerCase()} entry`
              }
              open={editing !== null}
              onClose={() => setEditing(null)}
            >
              <SchemaForm
                schema={schema}
                initial={editing && editing !== 'new' ? editing.data : {}}
                error={save.error}
                pending={save.pending}
                submitLabel={editing === 'new' ? 'Create entry' : 'Save changes'}
                onSubmit={(data) => void save.submit(data)}
                onCancel={() => setEditing(null)}
              />
            </Dialog>
            <ConfirmDialog
              title="Delete this entry?"
              confirmLabel="Delete entry"
              danger
              open={deleting !== null}
              onClose={() => setDeleting(null)}
              onConfirm={async () => {
                await api(`/entries/${encodeURIComponent(type)}/${deleting!.id}`, { method: 'DELETE' });
                setDeleting(null);
                setRefresh((n) => n + 1);
              }}
            >
              <p>This cannot be undone.</p>
            </ConfirmDialog>
          </>
        );
      }}
    </AsyncContent>
  );
}
