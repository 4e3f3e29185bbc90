import { useEffect } from 'react';

/** Sets the document title to "<title> · DevOps Checkpoint" while the page is shown. */
export function usePageTitle(title: string): void {
  useEffect(() => {
    document.title = title ? `${title} · DevOps Checkpoint` : 'DevOps Checkpoint';
  }, [title]);
}
