import type { MouseEvent } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { applyParams } from './timeWindow.js';

type Params = Record<string, string | undefined>;

/**
 * Changes to the URL's query that build on the query as it is when the person acts. Navigations
 * render in a transition: until the new page is ready the links on screen still carry the previous
 * query, and a change built from them would drop the one just made (pick a tribe, then quickly a
 * window, and the tribe was lost). `update` and the `onClick` of `linkTo` read the address bar instead.
 */
export function useSearchUpdate() {
  const [search] = useSearchParams();
  const navigate = useNavigate();
  const current = () => new URLSearchParams(globalThis.location.search);
  const update = (params: Params) => navigate(`?${applyParams(current(), params)}`);
  /** A link's target (for its href: open in a new tab, copy) and a click that applies `params` to the live query. */
  const linkTo = (params: Params) => ({
    to: `?${applyParams(search, params)}`,
    onClick: (event: MouseEvent<HTMLAnchorElement>) => {
      if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
      event.preventDefault();
      void update(params);
    },
  });
  return { search, update, linkTo };
}
