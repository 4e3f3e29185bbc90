import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends } from '../../test/support/databases.js';
import { parseEvents } from '../contract/events.js';
import { ingestEvents } from './events.js';
import type { Db } from './openDb.js';
import { clearStale, lastMark, readFactsState, readKeptFacts, saveFacts } from './serviceFacts.js';

let deliveries = 0;
async function ingest(db: Db, inputs: unknown[]): Promise<void> {
  const parsed = parseEvents(inputs);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
  const delivery = {
    source: 'api',
    deliveryId: `d${++deliveries}`,
    eventType: 'events',
    receivedAt: new Date('2026-03-01T00:00:00Z'),
    payload: inputs,
  };
  await ingestEvents(db.kysely, delivery, parsed.events);
}

const deployment = (id: string, service: string) => ({
  type: 'deployment',
  id,
  source: 'ci',
  service,
  environment: 'production',
  sha: 'aaa',
  status: 'success',
  finishedAt: '2026-03-01T10:00:00Z',
});
const change = (repo: string, sha: string) => ({
  type: 'change',
  repo,
  sha,
  committedAt: '2026-03-01T09:00:00Z',
});

const marks = async (db: Db) =>
  (await readFactsState(db.kysely)).stale.map((m) => `${m.kind}:${m.name}`).sort();

for (const backend of backends) {
  describe(`what the store marks for rebuilding facts (${backend.name})`, () => {
    let db: Db;
    beforeAll(async () => {
      db = await backend.open();
    });
    afterAll(async () => {
      await db.close();
    });

    const clearAll = async () => clearStale(db.kysely, (await readFactsState(db.kysely)).stale);

    it('marks the services and repositories every write touches, in the writing transaction', async () => {
      await clearAll();
      await ingest(db, [deployment('d1', 'search'), change('acme/search', 'aaa'), change('acme/web', 'bbb')]);
      expect(await marks(db)).toEqual(['repo:acme/search', 'repo:acme/web', 'service:search']);
      await clearAll();
      expect(await marks(db)).toEqual([]);

      // an update that moves a deployment marks the service it left and the one it joined
      await ingest(db, [deployment('d1', 'listings')]);
      expect(await marks(db)).toEqual(['service:listings', 'service:search']);
      await clearAll();

      // a delete marks too
      await sql`delete from changes where repo = 'acme/web'`.execute(db.kysely);
      expect(await marks(db)).toEqual(['repo:acme/web']);
    });

    it('clears only the marks a rebuild saw: a write committed meanwhile leaves its own', async () => {
      await clearAll();
      await ingest(db, [change('acme/web', 'ccc')]);
      const seen = (await readFactsState(db.kysely)).stale;
      const before = await lastMark(db.kysely);
      await ingest(db, [change('acme/web', 'ddd')]);
      expect(await lastMark(db.kysely)).toBeGreaterThan(before);
      await clearStale(db.kysely, seen);
      expect(await marks(db)).toEqual(['repo:acme/web']);
      await clearAll();
      expect(await marks(db)).toEqual([]);
    });

    it('keeps, replaces and drops facts with their fingerprint', async () => {
      const at = new Date('2026-03-01T12:00:00Z');
      const first = { figures: new Uint8Array([1, 2, 3]), names: '{"v":1}' };
      // every byte value, over more than one line of base64
      const second = { figures: Uint8Array.from({ length: 600 }, (_, i) => (i * 7) % 256), names: '{"v":2}' };
      await saveFacts(
        db.kysely,
        [
          { service: 'search', fingerprint: 'f1', facts: first },
          { service: 'listings', fingerprint: 'f1', facts: first },
        ],
        at,
      );
      await saveFacts(
        db.kysely,
        [
          { service: 'search', fingerprint: 'f2', facts: second },
          { service: 'listings', fingerprint: 'f1', facts: null },
        ],
        at,
      );
      await clearAll();
      const kept = await readKeptFacts(db.kysely);
      expect(kept.facts.map((f) => ({ ...f, figures: [...f.figures] }))).toEqual([
        { service: 'search', fingerprint: 'f2', figures: [...second.figures], names: '{"v":2}' },
      ]);
      expect(kept.stale).toBe(0);
      expect((await readFactsState(db.kysely)).kept).toEqual(new Map([['search', 'f2']]));
    });
  });
}
