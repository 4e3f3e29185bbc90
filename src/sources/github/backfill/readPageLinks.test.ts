import { describe, expect, it } from 'vitest';
import { readPageLinks } from './readPageLinks.js';

describe('readPageLinks', () => {
  it('reads the next page and the number of the last one', () => {
    const link =
      '<https://api.github.com/repositories/1300192/commits?sha=main&per_page=100&page=2>; rel="next", ' +
      '<https://api.github.com/repositories/1300192/commits?sha=main&per_page=100&page=7>; rel="last"';
    expect(readPageLinks(link)).toEqual({
      next: 'https://api.github.com/repositories/1300192/commits?sha=main&per_page=100&page=2',
      lastPage: 7,
    });
  });

  it('has no next page on the last page, and nothing without a header', () => {
    const link =
      '<https://api.github.com/repositories/1/pulls?page=1>; rel="first", ' +
      '<https://api.github.com/repositories/1/pulls?page=6>; rel="prev"';
    expect(readPageLinks(link)).toEqual({});
    expect(readPageLinks(undefined)).toEqual({});
  });

  it('follows cursor links that carry no page number', () => {
    expect(
      readPageLinks(
        '<https://api.github.com/repos/acme/search/deployments?per_page=100&after=Y3Vyc29y>; rel="next"',
      ),
    ).toEqual({ next: 'https://api.github.com/repos/acme/search/deployments?per_page=100&after=Y3Vyc29y' });
  });
});
