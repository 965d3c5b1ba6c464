import { useEffect, useRef } from 'react';

interface LoadMoreProps {
  hasNext: boolean;
  loading: boolean;
  onLoadMore: () => void;
  count: number;
}

/**
 * The end of an infinitely scrolling list: the next cursor page loads when this scrolls into
 * view, and the button does the same for keyboards and screen readers.
 */
export function LoadMore({ hasNext, loading, onLoadMore, count }: LoadMoreProps) {
  const sentinel = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const element = sentinel.current;
    if (!element || !hasNext || loading) return;
    const observer = new IntersectionObserver((entries) => {
      if (entries.some((entry) => entry.isIntersecting)) onLoadMore();
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, [hasNext, loading, onLoadMore]);
  return (
    <div ref={sentinel} className="load-more">
      <p className="pagination-summary" role="status">
        {count.toLocaleString()} loaded{hasNext ? '' : ' · end of the list'}
      </p>
      {hasNext && (
        <button type="button" className="button button-secondary" disabled={loading} onClick={onLoadMore}>
          {loading ? 'Loading…' : 'Load more'}
        </button>
      )}
    </div>
  );
}
