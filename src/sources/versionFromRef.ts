/**
 * Reading git refs and shas as webhooks send them.
 */

/** The version a deployed ref names: `refs/tags/X` gives X; a ref that looks like a version number
 * (`v1.4.2`, `1.4.2`, `2026.03.1-rc.1`) is taken as a tag; a branch name or a sha gives nothing. */
export function versionFromRef(ref: string | null | undefined): string | undefined {
  if (!ref) return undefined;
  if (ref.startsWith('refs/tags/')) return ref.slice('refs/tags/'.length) || undefined;
  return /^v?\d+(\.\d+)+([-+][0-9A-Za-z.+-]*)?$/.test(ref) ? ref : undefined;
}

/** The branch of `refs/heads/<branch>`, or undefined for tags and other refs. */
export function branchOfRef(ref: string): string | undefined {
  return ref.startsWith('refs/heads/') ? ref.slice('refs/heads/'.length) || undefined : undefined;
}

/** True for the all-zero sha git uses for "no commit" (a created or deleted ref). */
export function isZeroSha(sha: string | null | undefined): boolean {
  return sha === null || sha === undefined || /^0+$/.test(sha);
}

/** The shas a revert names in git's own wording: `This reverts commit <sha>.` (each once, in order). */
export function findRevertedShas(text: string | null | undefined): string[] {
  if (!text) return [];
  const shas = [...text.matchAll(/this reverts commit ([0-9a-f]{7,64})/gi)].map((match) =>
    (match[1] ?? '').toLowerCase(),
  );
  return [...new Set(shas)];
}
