import { Link } from 'react-router';
import { EmptyState } from '../components/empty-state';
import { useDocumentTitle } from '../hooks/use-document-title';

/** A console address that names no page. */
export function NotFoundPage() {
  useDocumentTitle('Page not found');
  return (
    <EmptyState title="There is no page at this address">
      <p>
        Check the link, or go to the <Link to="/">start page</Link>.
      </p>
    </EmptyState>
  );
}
