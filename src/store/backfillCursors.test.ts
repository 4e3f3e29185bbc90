import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { backends } from '../../test/support/databases.js';
import { clearBackfillCursors, loadBackfillCursor, saveBackfillCursor } from './backfillCursors.js';
import type { Db } from './openDb.js';

describe.each(backends)('backfill cursors on $name', (backend) => {
  let db: Db;
  beforeAll(async () => {
    db = await backend.open();
  });
  afterAll(async () => {
    await db?.close();
  });
  beforeEach(async () => {
    await db.kysely.deleteFrom('backfill_cursors').execute();
  });

  it('has no cursor for a scope never saved', async () => {
    expect(await loadBackfillCursor(db.kysely, 'github', 'acme/search:commits')).toBeUndefined();
  });

  it('reads back what was saved, the later save replacing the earlier', async () => {
    const first = { next: '/repos/acme/search/commits?page=2', pages: 1, done: false };
    const second = { next: '/repos/acme/search/commits?page=3', pages: 2, done: false };
    await saveBackfillCursor(
      db.kysely,
      'github',
      'acme/search:commits',
      first,
      new Date('2026-03-10T12:00:00Z'),
    );
    await saveBackfillCursor(
      db.kysely,
      'github',
      'acme/search:commits',
      second,
      new Date('2026-03-10T12:01:00Z'),
    );
    expect(await loadBackfillCursor(db.kysely, 'github', 'acme/search:commits')).toEqual(second);
    const rows = await db.kysely.selectFrom('backfill_cursors').selectAll().execute();
    expect(rows).toHaveLength(1);
    expect(new Date(rows[0]?.updated_at ?? 0).toISOString()).toBe('2026-03-10T12:01:00.000Z');
  });

  it('keeps scopes and sources apart', async () => {
    const now = new Date('2026-03-10T12:00:00Z');
    await saveBackfillCursor(db.kysely, 'github', 'acme/search:commits', { pages: 1 }, now);
    await saveBackfillCursor(db.kysely, 'github', 'acme/search:deployments', { pages: 2 }, now);
    await saveBackfillCursor(db.kysely, 'gitlab', 'acme/search:commits', { pages: 3 }, now);
    expect(await loadBackfillCursor(db.kysely, 'github', 'acme/search:deployments')).toEqual({ pages: 2 });
    expect(await loadBackfillCursor(db.kysely, 'gitlab', 'acme/search:commits')).toEqual({ pages: 3 });
  });

  it('clears only the named scopes of the named source', async () => {
    const now = new Date('2026-03-10T12:00:00Z');
    for (const scope of ['acme/search:commits', 'acme/search:pulls', 'acme/web:commits']) {
      await saveBackfillCursor(db.kysely, 'github', scope, { pages: 1 }, now);
    }
    await saveBackfillCursor(db.kysely, 'gitlab', 'acme/search:commits', { pages: 1 }, now);
    await clearBackfillCursors(db.kysely, 'github', ['acme/search:commits', 'acme/search:pulls']);
    await clearBackfillCursors(db.kysely, 'github', []);
    const left = await db.kysely.selectFrom('backfill_cursors').select(['source', 'scope']).execute();
    expect(left.sort((a, b) => a.source.localeCompare(b.source))).toEqual([
      { source: 'github', scope: 'acme/web:commits' },
      { source: 'gitlab', scope: 'acme/search:commits' },
    ]);
  });
});
