import type { PagePagination } from '../api/types';

interface PaginationBarProps {
  pagination: PagePagination;
  onPage: (page: number) => void;
  label: string;
}

function pageWindow(current: number, last: number): number[] {
  const start = Math.max(1, Math.min(current - 2, last - 4));
  const end = Math.min(last, start + 4);
  return Array.from({ length: end - start + 1 }, (_, i) => start + i);
}

/** Page buttons for `?page=&per_page=` lists, with the range shown and the current page marked. */
export function PaginationBar({ pagination, onPage, label }: PaginationBarProps) {
  const { page, per_page: perPage, total, total_pages: last } = pagination;
  if (total === 0) return null;
  const first = (page - 1) * perPage + 1;
  const shownLast = Math.min(total, page * perPage);
  return (
    <nav className="pagination" aria-label={`${label} pages`}>
      <p className="pagination-summary">
        {first}–{shownLast} of {total.toLocaleString()}
      </p>
      <div className="pagination-buttons">
        <button
          type="button"
          className="button button-secondary"
          disabled={!pagination.has_prev}
          onClick={() => onPage(page - 1)}
        >
          Previous
        </button>
        {pageWindow(page, Math.max(last, 1)).map((n) => (
          <button
            key={n}
            type="button"
            className={`button page-number${n === page ? ' current' : ' button-secondary'}${Math.abs(n - page) > 1 ? ' page-far' : ''}`}
            aria-current={n === page ? 'page' : undefined}
            aria-label={`Page ${n}`}
            onClick={() => onPage(n)}
          >
            {n}
          </button>
        ))}
        <button
          type="button"
          className="button button-secondary"
          disabled={!pagination.has_next}
          onClick={() => onPage(page + 1)}
        >
          Next
        </button>
      </div>
    </nav>
  );
}
