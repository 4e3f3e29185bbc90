import { describe, expect, it } from 'vitest';
import { createChangeCatalog } from './changeCatalog.js';
import { change, minute, monday } from './eventBuilders.js';

describe('createChangeCatalog', () => {
  it('indexes changes by repository and sha, keeping the earliest arrival of a duplicate', () => {
    const later = change('acme/a', 'x', monday, { arrival: 9, labels: ['later'] });
    const earlier = change('acme/a', 'x', monday, { arrival: 2, labels: ['earlier'] });
    const catalog = createChangeCatalog([later, earlier, change('acme/b', 'x', monday, { arrival: 5 })]);
    expect(catalog.changes).toHaveLength(2);
    expect(catalog.changes[catalog.indexOf('acme/a', 'x')]?.labels).toEqual(['earlier']);
    expect(catalog.indexOf('acme/a', 'nope')).toBe(-1);
    // any repository: the earliest arrival (acme/a's, arrival 2)
    expect(catalog.indexOfSha('x')).toBe(catalog.indexOf('acme/a', 'x'));
  });

  it('links known parents in the same repository and tells unknown parents apart', () => {
    const catalog = createChangeCatalog([
      change('acme/a', 'p', monday, { parents: [] }),
      change('acme/a', 'c', monday, { parents: ['p', 'missing'] }),
      change('acme/a', 'orphan', monday),
    ]);
    expect(Array.from(catalog.parentsOf(catalog.indexOf('acme/a', 'c')) ?? [])).toEqual([
      catalog.indexOf('acme/a', 'p'),
    ]);
    expect(catalog.parentsOf(catalog.indexOf('acme/a', 'orphan'))).toBeNull();
  });

  it('orders a repository by push time, then arrival, then sha', () => {
    const catalog = createChangeCatalog([
      change('acme/a', 'b', monday, { pushedAt: monday + minute, arrival: 3 }),
      change('acme/a', 'a', monday, { pushedAt: monday + minute, arrival: 3 }),
      change('acme/a', 'first', monday, { pushedAt: monday, arrival: 7 }),
      change('acme/a', 'early', monday, { pushedAt: monday + minute, arrival: 1 }),
      change('acme/a', 'unpushed', monday, { arrival: 0 }),
    ]);
    const shas = Array.from(catalog.pushOrder('acme/a'), (i) => catalog.changes[i]?.sha);
    expect(shas).toEqual(['first', 'early', 'a', 'b']);
    expect(catalog.pushPosition(catalog.indexOf('acme/a', 'a'))).toBe(2);
    expect(catalog.pushPosition(catalog.indexOf('acme/a', 'unpushed'))).toBe(-1);
  });
});
