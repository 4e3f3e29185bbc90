/**
 * Name patterns of the organisation file (`deploy-*`, `production-?`): `*` stands for any run of
 * characters, `?` for one; everything else is literal. Matching ignores case.
 */

/** True when `text` matches the glob `pattern` as a whole (case-insensitive). */
export function matchesGlob(pattern: string, text: string): boolean {
  const source = pattern
    .split('')
    .map((char) => {
      if (char === '*') return '.*';
      if (char === '?') return '.';
      return char.replace(/[.+^${}()|[\]\\/-]/g, '\\$&');
    })
    .join('');
  return new RegExp(`^${source}$`, 'is').test(text);
}
