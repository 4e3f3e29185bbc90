/**
 * GitHub's pagination: the `Link` response header names the next and last pages, e.g.
 * `<https://api.github.com/repositories/1/commits?page=2>; rel="next", <…?page=5>; rel="last"`.
 */

/** The pages a `Link` header points to. */
export interface PageLinks {
  /** The URL of the next page; absent on the last page. */
  next?: string;
  /** The number of the last page, when GitHub numbers its pages (`page=N`). */
  lastPage?: number;
}

/** Reads a `Link` header (absent when a list fits on one page). */
export function readPageLinks(link: string | undefined): PageLinks {
  const links: PageLinks = {};
  for (const part of (link ?? '').split(',')) {
    const match = part.match(/<([^<>]+)>\s*;\s*rel="([^"]+)"/);
    if (!match?.[1] || !match[2]) continue;
    const [url, rels] = [match[1], match[2].split(/\s+/)];
    if (rels.includes('next')) links.next = url;
    if (rels.includes('last')) {
      const page = Number(url.match(/[?&]page=(\d+)/)?.[1]);
      if (Number.isInteger(page) && page > 0) links.lastPage = page;
    }
  }
  return links;
}
