/** Signed-in users for the tests of who may do what: a session cookie and its CSRF header. */

import { createSession, createUser, type Role } from '../../src/store/users.js';
import type { TestApp } from '../support/testApp.js';

let next = 0;

/** Headers of a fresh user with this role and these scopes (squads or tribes; none = everything). */
export async function signedIn(
  t: TestApp,
  role: Role,
  scopes: string[] = [],
): Promise<Record<string, string>> {
  next += 1;
  const now = new Date(t.context.clock());
  const user = await createUser(t.db.kysely, {
    email: `${role}-${next}@example.com`,
    name: `${role[0]?.toUpperCase()}${role.slice(1)} ${next}`,
    role,
    scopes,
    now,
  });
  const session = await createSession(t.db.kysely, user.id, now, 3_600_000);
  return { cookie: `checkpoint_session=${session.id}`, 'x-csrf-token': session.csrfToken };
}
