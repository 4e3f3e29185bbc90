import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pgliteBackend } from '../../test/support/databases.js';
import type { Db } from './openDb.js';
import { hashToken } from './tokens.js';
import { createSession, createUser, deleteSession, findSession } from './users.js';

describe('sessions', () => {
  let db: Db;
  const now = new Date('2026-06-01T09:00:00Z');
  const hour = 3_600_000;
  beforeAll(async () => {
    db = await pgliteBackend.open();
  }, 180_000);
  afterAll(async () => {
    await db?.close();
  });

  const newSession = async (email: string) => {
    const user = await createUser(db.kysely, { email, name: 'Ada', role: 'member', now });
    return createSession(db.kysely, user.id, now, hour);
  };

  it('keeps only a hash of the session id: what the database holds cannot be used as a cookie', async () => {
    const session = await newSession('ada@example.com');
    const stored = await db.kysely.selectFrom('sessions').select('id').execute();
    expect(stored.map((row) => row.id)).toEqual([hashToken(session.id)]);
    expect(stored[0]?.id).not.toContain(session.id);
    expect((await findSession(db.kysely, session.id, now))?.user.email).toBe('ada@example.com');
    expect(await findSession(db.kysely, hashToken(session.id), now)).toBeUndefined();
  });

  it('ends at its expiry and when deleted', async () => {
    const session = await newSession('grace@example.com');
    expect(await findSession(db.kysely, session.id, new Date(now.getTime() + hour))).toBeUndefined();
    expect(await findSession(db.kysely, session.id, new Date(now.getTime() + hour - 1))).toBeDefined();
    await deleteSession(db.kysely, session.id);
    expect(await findSession(db.kysely, session.id, now)).toBeUndefined();
  });
});
