import { MultiBar, Presets, type SingleBar } from 'cli-progress';
import { parseEvents } from '../contract/events.js';
import { type Config, effectiveDataDir } from '../server/config.js';
import { formatProblems, readOrganisationFile } from '../server/organisationFile.js';
import { maxBatchEvents } from '../server/routes/eventRoutes.js';
import {
  type BackfillKind,
  type BackfillProgress,
  type BackfillTarget,
  createGithubClient,
  type GithubBackfillSummary,
  type GithubPause,
  parseSince,
  runGithubBackfill,
} from '../sources/github/backfill/index.js';
import { clearBackfillCursors, loadBackfillCursor, saveBackfillCursor } from '../store/backfillCursors.js';
import { DataDirLockedError } from '../store/dataDirLock.js';
import { ingestEvents } from '../store/events.js';
import { type Db, openDb } from '../store/openDb.js';
import { callRunningServer } from './callRunningServer.js';
import { withOrg } from './withOrg.js';

/** Stores straight into the database: each page one `github` delivery, cursors in `backfill_cursors`. */
export function databaseTarget(db: Db, clock: () => number = Date.now): BackfillTarget {
  return {
    resumable: true,
    async store(page) {
      const parsed = parseEvents(page.events);
      if (!parsed.ok) {
        const problem = parsed.problems[0];
        throw new Error(`a ${page.kind} page yields an invalid event: ${problem?.field} ${problem?.message}`);
      }
      const delivery = {
        source: 'github',
        deliveryId: page.deliveryId,
        eventType: page.eventType,
        receivedAt: new Date(clock()),
        payload: page.events,
      };
      return { duplicate: (await ingestEvents(db.kysely, delivery, parsed.events)).status === 'duplicate' };
    },
    loadCursor: (scope) => loadBackfillCursor(db.kysely, 'github', scope),
    saveCursor: (scope, cursor) =>
      saveBackfillCursor(db.kysely, 'github', scope, { ...cursor }, new Date(clock())),
    clearCursors: (scopes) => clearBackfillCursors(db.kysely, 'github', scopes),
  };
}

// The running server owns the embedded database: events go through its API, and the cursors live
// only as long as this run (an interrupted run starts over; storing is idempotent, so nothing doubles).
function serverTarget(config: Config): BackfillTarget {
  const cursors = new Map<string, unknown>();
  return {
    resumable: false,
    async store(page) {
      let duplicate = true;
      for (let start = 0; start < page.events.length; start += maxBatchEvents) {
        const events = page.events.slice(start, start + maxBatchEvents);
        const answer = await callRunningServer<{ duplicate: boolean }>(config, 'POST', '/api/events', {
          events,
        });
        duplicate &&= answer.duplicate;
      }
      return { duplicate };
    },
    loadCursor: async (scope) => cursors.get(scope),
    saveCursor: async (scope, cursor) => void cursors.set(scope, cursor),
    clearCursors: async (scopes) => {
      for (const scope of scopes) cursors.delete(scope);
    },
  };
}

const kindLabels: Record<BackfillKind, string> = {
  pulls: 'pull requests',
  commits: 'commits',
  deployments: 'deployments',
};

/** A bar per kind on a terminal, a plain line per page otherwise (logs, CI). */
function progressReporter(stream: NodeJS.WriteStream = process.stderr) {
  if (!stream.isTTY) {
    return {
      onProgress: (p: BackfillProgress) =>
        stream.write(
          `${kindLabels[p.kind]}: page ${p.pages}${p.lastPage ? ` of ${p.lastPage}` : ''}, ${p.events} events${p.done ? ', done' : ''}\n`,
        ),
      log: (line: string) => stream.write(`${line}\n`),
      stop: () => {},
    };
  }
  const multibar = new MultiBar(
    { format: ' {label} |{bar}| {value}/{total} pages, {events} events', hideCursor: true, stream },
    Presets.shades_classic,
  );
  const bars = new Map<BackfillKind, SingleBar>();
  return {
    onProgress: (p: BackfillProgress) => {
      const total = p.done ? p.pages : (p.lastPage ?? p.pages + 1);
      const bar = bars.get(p.kind) ?? multibar.create(total, 0, { label: kindLabels[p.kind].padEnd(13) });
      bars.set(p.kind, bar);
      bar.setTotal(total);
      bar.update(p.pages, { events: p.events });
    },
    // The multibar prints logged lines at its next redraw, and redraws only once it holds a bar.
    log: (line: string) => (bars.size > 0 ? multibar.log(`${line}\n`) : stream.write(`${line}\n`)),
    stop: () => multibar.stop(),
  };
}

function describePause(pause: GithubPause, now: number): string {
  const seconds = Math.max(1, Math.ceil((pause.until - now) / 1000));
  const wait = seconds < 120 ? `${seconds} s` : `about ${Math.ceil(seconds / 60)} min`;
  return `${pause.reason}: waiting until ${new Date(pause.until).toISOString()} (${wait}), then GET ${pause.path}`;
}

function printSummary(summary: GithubBackfillSummary): void {
  const seconds = (summary.durationMs / 1000).toFixed(1);
  const resumed = summary.resumed ? `, resuming the run begun ${summary.resumed}` : '';
  console.log(`backfilled ${summary.repo} since ${summary.since}${resumed} in ${seconds} s`);
  console.log(
    `  stored: ${summary.changes} changes, ${summary.pullRequests} pull requests, ${summary.deployments} deployments`,
  );
  console.log(
    `  ${summary.pages} pages (${summary.duplicatePages} already stored), ${summary.requests} requests to GitHub`,
  );
  if (summary.skipped.length > 0) {
    console.log(`  ${summary.skipped.length} skipped:`);
    for (const reason of summary.skipped.slice(0, 10)) console.log(`    ${reason}`);
    if (summary.skipped.length > 10) console.log(`    … and ${summary.skipped.length - 10} more`);
  }
}

/** `checkpoint backfill github`: reads a repository's history from GitHub into the store. */
export async function backfillGithubCommand(
  base: Config,
  options: { repo: string; since: string; org?: string; restart?: boolean; apiUrl?: string },
): Promise<void> {
  const config = withOrg(base, options.org);
  const fail = (message: string, code = 1) => {
    console.error(message);
    process.exitCode = code;
  };
  if (config.githubToken === undefined) {
    return fail(
      'GITHUB_TOKEN is not set: export a token that can read the repository (contents, pull requests, deployments)',
      2,
    );
  }
  if (config.orgFile === undefined) {
    return fail(
      'an organisation file maps repositories to services: pass --org <file> or set CHECKPOINT_ORG',
      2,
    );
  }
  const since = parseSince(options.since, Date.now());
  if ('error' in since) return fail(since.error, 2);
  const read = await readOrganisationFile(config.orgFile);
  if (!read.ok) return fail(formatProblems(config.orgFile, read.problems));

  let db: Db | undefined;
  let target: BackfillTarget;
  try {
    db = await openDb({ databaseUrl: config.databaseUrl, dataDir: effectiveDataDir(config) });
    target = databaseTarget(db);
  } catch (error) {
    if (!(error instanceof DataDirLockedError)) throw error;
    console.error(
      `${error.message}\nsending the events through the running server; this run cannot be resumed`,
    );
    target = serverTarget(config);
  }
  const progress = progressReporter();
  try {
    const summary = await runGithubBackfill({
      octokit: createGithubClient(config.githubToken, options.apiUrl),
      repo: options.repo,
      since: since.since,
      organisation: read.organisation,
      target,
      restart: options.restart ?? false,
      onStart: ({ repo, since, resumed }) =>
        progress.log(
          resumed
            ? `resuming the backfill of ${repo} begun ${resumed} (since ${since}); --restart starts over`
            : `backfilling ${repo} since ${since}`,
        ),
      onProgress: progress.onProgress,
      onPause: (pause) => progress.log(describePause(pause, Date.now())),
    });
    progress.stop();
    printSummary(summary);
  } catch (error) {
    progress.stop();
    fail((error as Error).message);
  } finally {
    await db?.close();
  }
}
