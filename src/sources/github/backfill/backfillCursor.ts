/**
 * Where a GitHub backfill got to, per repository and kind of object, so an interrupted run resumes
 * instead of starting over. Saved as JSON under source `github`, scope `<owner/name>:<kind>`.
 */
import { z } from 'zod';
import { normaliseRepo } from '../../listServices.js';

/**
 * What a backfill reads, in this order: merged pull requests, default-branch commits, deployments.
 * Pull requests come first so that, where both speak of a merge commit, the commit's own date and
 * `This reverts commit <sha>` line (which names a change) are the later word over the pull
 * request's merge time and `Reverts owner/repo#N` reference.
 */
export const backfillKinds = ['pulls', 'commits', 'deployments'] as const;
export type BackfillKind = (typeof backfillKinds)[number];

const isoInstant = z.iso.datetime({ offset: true });

const cursorSchema = z.object({
  /** The start of the window the run reads (ISO instant). */
  since: isoInstant,
  /** When the run began (ISO instant); a resumed run keeps it. */
  startedAt: isoInstant,
  /** The next page to read, relative to the API's base URL; null once the kind is done. */
  next: z.string().min(1).nullable(),
  /** Pages of this kind read so far. */
  pages: z.number().int().nonnegative(),
  done: z.boolean(),
});

/** The saved progress of one kind. */
export type BackfillCursor = z.output<typeof cursorSchema>;

/** A saved cursor, or undefined when there is none or it is not one this version understands. */
export function readBackfillCursor(value: unknown): BackfillCursor | undefined {
  const parsed = cursorSchema.safeParse(value);
  return parsed.success ? parsed.data : undefined;
}

/** The scope a kind's cursor is saved under: `<owner/name>:<kind>`, the repository lower-cased. */
export function backfillScope(repo: string, kind: BackfillKind): string {
  return `${normaliseRepo(repo)}:${kind}`;
}
