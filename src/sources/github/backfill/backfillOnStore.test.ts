// biome-ignore-all lint/style/noRestrictedImports: this test runs the backfill through the CLI's store wiring into a real (in-memory) database; the backfill itself stays free of the store.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { databaseTarget } from '../../../cli/backfillCommand.js';
import { parseEvents } from '../../../contract/events.js';
import type { Change, Deployment, EventSet } from '../../../core/events.js';
import { ingestEvents, loadEventSet } from '../../../store/events.js';
import { type Db, openDb } from '../../../store/openDb.js';
import { delivered } from '../../testOrganisation.js';
import { githubRequest } from '../githubExamples.js';
import { githubSource } from '../githubSource.js';
import { now, organisation, replayClient, since } from './backfillScenario.js';
import { equivalentWebhooks } from './equivalentWebhooks.js';
import { type GithubReplay, requestKey, startGithubReplay } from './githubReplay.js';
import { runGithubBackfill } from './runGithubBackfill.js';

let replay: GithubReplay;
let db: Db;
/** Empties the in-memory database (one per file: starting PGlite is the slow part). */
const emptied = async () => {
  for (const table of ['changes', 'deployments', 'incidents', 'deliveries', 'backfill_cursors'] as const) {
    await db.kysely.deleteFrom(table).execute();
  }
  return db;
};
beforeAll(async () => {
  db = await openDb({ dataDir: 'memory://' });
});
afterAll(async () => {
  await db?.close();
});
beforeEach(async () => {
  replay = await startGithubReplay();
  await emptied();
});
afterEach(async () => {
  await replay.close();
});

const backfill = (into: Db) =>
  runGithubBackfill({
    octokit: replayClient(replay.baseUrl),
    repo: 'acme/search',
    since,
    organisation,
    target: databaseTarget(into, () => now),
    perPage: 2,
    now: () => now,
    wait: async () => {},
  });

/** Delivers each webhook as the server's webhook route does: parse, validate, ingest under its delivery id. */
async function deliverWebhooks(into: Db): Promise<void> {
  for (const [index, webhook] of equivalentWebhooks().entries()) {
    const deliveryId = `webhook-${index}`;
    const request = githubRequest(webhook.event, webhook.payload, 'secret', deliveryId);
    const parsed = delivered(
      githubSource.parse(request, { organisation, receivedAt: Date.parse(webhook.at) }),
    );
    if (parsed.events.length === 0) continue;
    const events = parseEvents(parsed.events);
    if (!events.ok) throw new Error(JSON.stringify(events.problems));
    const receivedAt = new Date(webhook.at);
    await ingestEvents(
      into.kysely,
      { source: 'github', deliveryId, eventType: webhook.event, receivedAt, payload: webhook.payload },
      events.events,
    );
  }
}

const byIdentity = (set: EventSet) => ({
  changes: Object.fromEntries(set.changes.map((change) => [change.sha, change])),
  deployments: Object.fromEntries(set.deployments.map((deployment) => [deployment.id, deployment])),
});
/** What only a webhook can know (the push time, the files of a repository without paths) and the store's arrival order. */
const withoutWebhookOnly = (set: EventSet) => {
  const { changes, deployments } = byIdentity(set);
  const strip = <T extends Change | Deployment>(record: T) => {
    const { arrival: _, ...rest } = record as T & { pushedAt?: number; files?: string[] };
    delete rest.pushedAt;
    delete rest.files;
    return rest;
  };
  return {
    changes: Object.fromEntries(Object.entries(changes).map(([key, change]) => [key, strip(change)])),
    deployments: Object.fromEntries(
      Object.entries(deployments).map(([key, deployment]) => [key, strip(deployment)]),
    ),
  };
};
const count = async (outcome: string) =>
  (await db.kysely.selectFrom('deliveries').select('id').where('outcome', '=', outcome).execute()).length;

describe('the GitHub backfill on the store', () => {
  it('stores nothing new when run twice: every page comes back as a duplicate delivery', async () => {
    await backfill(db);
    const once = await loadEventSet(db.kysely);
    expect(once.changes).toHaveLength(5);
    expect(once.deployments).toHaveLength(4);
    expect(await count('accepted')).toBe(7);

    const again = await backfill(db);
    expect(again).toMatchObject({ changes: 0, pullRequests: 0, deployments: 0, duplicatePages: 7 });
    expect(await loadEventSet(db.kysely)).toEqual(once);
    expect(await count('accepted')).toBe(7);
    expect(await count('duplicate')).toBe(7);
    expect(await db.kysely.selectFrom('backfill_cursors').selectAll().execute()).toEqual([]);
  });

  it('keeps everything the webhooks stored, and ends where a backfill alone ends', async () => {
    await backfill(db);
    const afterBackfill = await loadEventSet(db.kysely);

    await emptied();
    await deliverWebhooks(db);
    const afterWebhooks = await loadEventSet(db.kysely);
    await backfill(db);
    const afterBoth = await loadEventSet(db.kysely);

    // Every field the webhooks set (push times, file lists, arrival order included) is still there.
    expect(byIdentity(afterBoth)).toMatchObject(byIdentity(afterWebhooks));
    // What the backfill adds, such as the first commit of each pull request, is there too.
    expect(byIdentity(afterBoth).changes['411d9e9b76c56cdec7d0153956f5fcdd08ce4962']?.pr).toEqual({
      number: 11,
      openedAt: Date.parse('2026-03-03T16:05:00Z'),
      mergedAt: Date.parse('2026-03-04T14:00:00Z'),
      firstCommitAt: Date.parse('2026-03-03T16:00:00Z'),
    });
    // Whether the webhooks ran first makes no difference to anything the backfill knows.
    expect(withoutWebhookOnly(afterBoth)).toEqual(withoutWebhookOnly(afterBackfill));
    expect(Object.keys(byIdentity(afterBoth).changes)).toHaveLength(5);
  });

  it('saves its place in the database and resumes there after GitHub failed mid-way', async () => {
    const pageTwo = requestKey(
      'GET',
      '/repositories/612345678/commits?sha=main&since=2026-03-01T00:00:00Z&per_page=2&page=2',
    );
    replay.answerOnce(pageTwo, { status: 500, body: { message: 'Server Error' } });
    await expect(backfill(db)).rejects.toThrow('stopped reading commits (page 2): GitHub answered 500');
    const saved = await db.kysely
      .selectFrom('backfill_cursors')
      .select(['source', 'scope', 'cursor'])
      .orderBy('scope')
      .execute();
    expect(saved).toEqual([
      {
        source: 'github',
        scope: 'acme/search:commits',
        cursor: expect.objectContaining({ pages: 1, done: false }),
      },
      {
        source: 'github',
        scope: 'acme/search:pulls',
        cursor: expect.objectContaining({ pages: 3, done: true }),
      },
    ]);

    replay.requests.length = 0;
    const resumed = await backfill(db);
    expect(resumed).toMatchObject({
      resumed: '2026-03-10T12:00:00.000Z',
      changes: 3,
      pullRequests: 0,
      deployments: 4,
    });
    expect(replay.requests).not.toContain(
      requestKey('GET', '/repos/acme/search/commits?sha=main&since=2026-03-01T00:00:00Z&per_page=2'),
    );
    expect(replay.requests.some((request) => request.includes('/pulls'))).toBe(false);
    expect((await loadEventSet(db.kysely)).changes).toHaveLength(5);
    expect(await db.kysely.selectFrom('backfill_cursors').selectAll().execute()).toEqual([]);
  });
});
