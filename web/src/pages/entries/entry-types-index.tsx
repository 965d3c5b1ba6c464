import { Link } from 'react-router';
import type { EntryType } from '../../api/types';
import { AsyncContent } from '../../components/async-content';
import { PageHeader } from '../../components/page-header';
import { useApiGet } from '../../hooks/use-api-get';
import { useDocumentTitle } from '../../hooks/use-document-title';

/** Every entry type of the workspace, each a link to its entries. */
export function EntryTypesIndex() {
  useDocumentTitle('Entries');
  const types = useApiGet<EntryType[]>('/entry-types', { per_page: 100 });
  return (
    <>
      <PageHeader title="Entries" description="Records of the types your workspace defines." />
      <AsyncContent state={types} loadingLabel="Loading entry types…">
        {(rows) =>
          rows.length === 0 ? (
            <p className="muted">
              No entry types yet. An administrator creates them under Administration → Entry types.
            </p>
          ) : (
            <ul className="card-grid">
              {rows.map((type) => (
                <li key={type.key} className="card">
                  <h2 className="card-title">
                    <Link to={`/entries/${type.key}`}>{type.name}</Link>
                  </h2>
                  <p className="muted">
                    <code>{type.key}</code>
                    {type.feature ? ` · feature ${type.feature}` : ''}
                  </p>
                </li>
              ))}
            </ul>
          )
        }
      </AsyncContent>
    </>
  );
}
