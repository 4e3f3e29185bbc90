import { type MouseEvent, useCallback } from 'react';
import { useNavigate } from 'react-router';

/**
 * Turns clicks on plain in-app links inside an element into router navigations, so a large table can
 * use plain <a href> (cheap to render) and still navigate without a page load. Clicks that ask for a
 * new tab or window (modifier keys, middle button, target) are left to the browser.
 */
export function useLinkDelegation() {
  const navigate = useNavigate();
  return useCallback(
    (event: MouseEvent<HTMLElement>) => {
      if (event.defaultPrevented || event.button !== 0) return;
      if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
      const anchor = (event.target as HTMLElement).closest('a');
      const href = anchor?.getAttribute('href');
      if (!anchor || !href?.startsWith('/') || anchor.target || anchor.hasAttribute('download')) return;
      event.preventDefault();
      navigate(href);
    },
    [navigate],
  );
}
