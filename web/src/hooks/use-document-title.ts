import { useEffect } from 'react';

/** Names the page in the browser tab and for screen readers announcing navigation. */
export function useDocumentTitle(title: string): void {
  useEffect(() => {
    document.title = `${title} · Tenantbase`;
  }, [title]);
}
