import { useEffect, useState } from 'react';
import { useLocation } from 'react-router';

/**
 * Shows rows a hundred at a time, so a long drill-down stays quick to render; a row named by the
 * address's #fragment (rows with an anchor) is always shown, and scrolled to once rendered.
 */
export function usePaged<T>(rows: readonly T[], anchorOf?: (row: T) => string, step = 100) {
  const { hash } = useLocation();
  const target = hash && anchorOf ? rows.findIndex((row) => `#${anchorOf(row)}` === hash) : -1;
  const [count, setCount] = useState(step);
  const shownCount = Math.max(count, target + 1);
  useEffect(() => {
    if (target >= 0) document.getElementById(hash.slice(1))?.scrollIntoView({ block: 'center' });
  }, [target, hash]);
  return {
    shown: rows.slice(0, shownCount),
    more: rows.length > shownCount ? Math.min(step, rows.length - shownCount) : 0,
    showMore: () => setCount(shownCount + step),
  };
}
