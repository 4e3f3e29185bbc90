/**
 * The GitHub backfill: reads a repository's history since a given time from GitHub's REST API and
 * hands it, a page at a time, to a target that stores it (the CLI wires the store or the running
 * server). Produces the same identities and fields as the webhook adapter, so it can run before,
 * after or beside the webhooks: stored values it does not know (a push time, a file list) are kept.
 *
 * Resumable: after each page is stored its cursor is saved (scope `<owner/name>:<kind>`); a run
 * that finds an unfinished cursor resumes there with the window it began with, and a run that
 * completes clears the cursors. Objects that arrived while a run was interrupted and ahead of its
 * cursor are left to the webhooks and the next reconciliation (`--since 3d`).
 */
import { createHash } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Octokit } from '@octokit/rest';
import { z } from 'zod';
import type { CanonicalEventInput } from '../../../contract/events.js';
import type { Organisation } from '../../../core/org/organisation.js';
import { normaliseRepo, servicesOfRepo } from '../../listServices.js';
import {
  type BackfillCursor,
  type BackfillKind,
  backfillKinds,
  backfillScope,
  readBackfillCursor,
} from './backfillCursor.js';
import {
  type BackfillKindReader,
  type ReaderContext,
  readApiObject,
  repoPath,
} from './backfillKindReader.js';
import { commitsReader } from './commitsReader.js';
import { createGithubFetcher, type GithubPause } from './createGithubFetcher.js';
import { deploymentsReader } from './deploymentsReader.js';
import { pullRequestsReader } from './pullRequestsReader.js';

/** One page's events, ready to be stored as one delivery of source `github`. */
export interface BackfillPageEvents {
  kind: BackfillKind;
  /** `backfill:<owner/name>:<kind>:<digest of the events>`: the same page stored twice is a duplicate. */
  deliveryId: string;
  /** `backfill.<kind>`. */
  eventType: string;
  events: CanonicalEventInput[];
}

/** Where the backfill stores events and keeps its cursors. */
export interface BackfillTarget {
  /** Whether saved cursors outlive the run (when not, an interrupted run starts over). */
  resumable: boolean;
  store(page: BackfillPageEvents): Promise<{ duplicate: boolean }>;
  loadCursor(scope: string): Promise<unknown>;
  saveCursor(scope: string, cursor: BackfillCursor): Promise<void>;
  clearCursors(scopes: readonly string[]): Promise<void>;
}

/** Progress of one kind, told after each page. */
export interface BackfillProgress {
  kind: BackfillKind;
  /** Pages of this kind read, including those of the run this one resumed. */
  pages: number;
  /** The page count, when GitHub tells it and the list is read to its end. */
  lastPage: number | undefined;
  /** Events of this kind handed to the target by this run. */
  events: number;
  done: boolean;
}

/** One run: which repository since when, read through `octokit`, stored into `target`. */
export interface GithubBackfillOptions {
  octokit: Octokit;
  /** `owner/name`. */
  repo: string;
  /** The window's start, ms since the Unix epoch (ignored when resuming an interrupted run). */
  since: number;
  organisation: Organisation;
  target: BackfillTarget;
  /** Ignore saved cursors and start over. */
  restart?: boolean;
  /** Items per page (default 100, GitHub's maximum). */
  perPage?: number;
  now?: () => number;
  wait?: (ms: number) => Promise<void>;
  onPause?: (pause: GithubPause) => void;
  /** Told once the repository is found: the window read, and the interrupted run resumed, if any. */
  onStart?: (start: { repo: string; since: string; resumed?: string }) => void;
  onProgress?: (progress: BackfillProgress) => void;
}

/** What a run did. */
export interface GithubBackfillSummary {
  /** `owner/name` as GitHub spells it. */
  repo: string;
  since: string;
  /** When the interrupted run this one resumed began. */
  resumed?: string;
  /** Events handed to the target and not duplicates of a page stored before, by kind. */
  changes: number;
  pullRequests: number;
  deployments: number;
  /** Pages read by this run, and how many of them had been stored before. */
  pages: number;
  duplicatePages: number;
  requests: number;
  /** Why some objects gave no event (an unmapped deployment…). */
  skipped: string[];
  durationMs: number;
}

const repositorySchema = z.looseObject({ full_name: z.string().min(1), default_branch: z.string().min(1) });
const readers: Record<BackfillKind, (context: ReaderContext) => BackfillKindReader> = {
  commits: commitsReader,
  pulls: pullRequestsReader,
  deployments: deploymentsReader,
};

const digest = (events: readonly CanonicalEventInput[]): string =>
  createHash('sha256').update(JSON.stringify(events)).digest('hex').slice(0, 24);

function requireMapped(organisation: Organisation, repo: string): void {
  if (servicesOfRepo(organisation, repo).length === 0) {
    throw new Error(`repository ${repo} is not mapped to a service in the organisation file: add it first`);
  }
}

/** The cursors of an interrupted run to resume from, or none when the last run completed. */
async function cursorsToResume(
  target: BackfillTarget,
  repo: string,
): Promise<Map<BackfillKind, BackfillCursor>> {
  const cursors = new Map<BackfillKind, BackfillCursor>();
  for (const kind of backfillKinds) {
    const cursor = readBackfillCursor(await target.loadCursor(backfillScope(repo, kind)));
    if (cursor) cursors.set(kind, cursor);
  }
  return [...cursors.values()].some((cursor) => !cursor.done) ? cursors : new Map();
}

/** Runs the backfill of one repository; fails with a message that names what went wrong and where. */
export async function runGithubBackfill(options: GithubBackfillOptions): Promise<GithubBackfillSummary> {
  const now = options.now ?? Date.now;
  const began = now();
  if (!/^[\w.-]+\/[\w.-]+$/.test(options.repo))
    throw new Error(`--repo ${options.repo}: give it as owner/name`);
  requireMapped(options.organisation, options.repo);
  const fetcher = createGithubFetcher({
    octokit: options.octokit,
    now,
    wait: options.wait ?? ((ms) => sleep(Math.max(0, ms))),
    ...(options.onPause ? { onPause: options.onPause } : {}),
  });
  const repoLookup = repoPath(options.repo);
  const repository = readApiObject(
    repositorySchema,
    (await fetcher.get(repoLookup)).data,
    'repository',
    repoLookup,
  );
  const repo = repository.full_name;
  requireMapped(options.organisation, repo);

  const resumeFrom = options.restart
    ? new Map<BackfillKind, BackfillCursor>()
    : await cursorsToResume(options.target, repo);
  const earlier = [...resumeFrom.values()][0];
  const since = earlier ? Date.parse(earlier.since) : options.since;
  const startedAt = earlier?.startedAt ?? new Date(began).toISOString();
  const context: ReaderContext = {
    fetcher,
    repo,
    branch: repository.default_branch,
    since,
    organisation: options.organisation,
    perPage: options.perPage ?? 100,
    now,
  };
  const summary: GithubBackfillSummary = {
    repo,
    since: new Date(since).toISOString(),
    ...(earlier ? { resumed: earlier.startedAt } : {}),
    changes: 0,
    pullRequests: 0,
    deployments: 0,
    pages: 0,
    duplicatePages: 0,
    requests: 0,
    skipped: [],
    durationMs: 0,
  };
  const counted = { commits: 'changes', pulls: 'pullRequests', deployments: 'deployments' } as const;
  options.onStart?.({ repo, since: summary.since, ...(earlier ? { resumed: earlier.startedAt } : {}) });

  for (const kind of backfillKinds) {
    const reader = readers[kind](context);
    const scope = backfillScope(repo, kind);
    const cursor = resumeFrom.get(kind);
    let pages = cursor?.pages ?? 0;
    let lastPage: number | undefined;
    let events = 0;
    let path = cursor ? (cursor.next ?? undefined) : reader.firstPath;
    while (path !== undefined) {
      const pageNumber = pages + 1;
      try {
        const page = await fetcher.getPage(path);
        if (reader.readsToEnd) lastPage = page.lastPage ?? lastPage;
        const reading = await reader.readPage(page.items, path);
        if (reading.events.length > 0) {
          const deliveryId = `backfill:${normaliseRepo(repo)}:${kind}:${digest(reading.events)}`;
          const stored = await options.target.store({
            kind,
            deliveryId,
            eventType: `backfill.${kind}`,
            events: reading.events,
          });
          if (stored.duplicate) summary.duplicatePages++;
          else summary[counted[kind]] += reading.events.length;
          events += reading.events.length;
        }
        summary.skipped.push(...reading.skipped);
        pages++;
        summary.pages++;
        const next = reading.reachedSince ? undefined : page.next;
        await options.target.saveCursor(scope, {
          since: summary.since,
          startedAt,
          next: next ?? null,
          pages,
          done: next === undefined,
        });
        options.onProgress?.({
          kind,
          pages,
          lastPage: lastPage ?? (next ? undefined : pages),
          events,
          done: !next,
        });
        path = next;
      } catch (error) {
        const hint = options.target.resumable
          ? 'Every page read before is stored and the place is saved: run the same command again to resume.'
          : 'Every page read before is stored: run the same command again (it starts over, storing nothing twice).';
        throw new Error(
          `the backfill of ${repo} stopped reading ${kind} (page ${pageNumber}): ${(error as Error).message}\n${hint}`,
          { cause: error },
        );
      }
    }
    if (cursor?.done) options.onProgress?.({ kind, pages, lastPage: pages, events: 0, done: true });
  }
  await options.target.clearCursors(backfillKinds.map((kind) => backfillScope(repo, kind)));
  summary.requests = fetcher.requests;
  summary.durationMs = now() - began;
  return summary;
}
