import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';
import { promisify } from 'node:util';
import type { Kysely } from 'kysely';
import type { Database } from './schema.js';
import { hashToken } from './tokens.js';

const scryptAsync = promisify(scrypt) as (
  password: string,
  salt: Buffer,
  length: number,
  options: object,
) => Promise<Buffer>;
const scryptParams = { N: 2 ** 15, r: 8, p: 1, maxmem: 64 * 1024 * 1024 };

export const roles = ['admin', 'facilitator', 'member', 'viewer'] as const;
export type Role = (typeof roles)[number];

export interface User {
  id: string;
  email: string;
  name: string;
  role: Role;
  /** Squads or tribes the user's role applies to; empty = the whole organisation. */
  scopes: string[];
}

/** scrypt with a random salt, in a self-describing string so parameters can change later. */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await scryptAsync(password, salt, 32, scryptParams);
  return `scrypt$${scryptParams.N}$${scryptParams.r}$${scryptParams.p}$${salt.toString('base64')}$${key.toString('base64')}`;
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, key] = stored.split('$');
  if (scheme !== 'scrypt' || !n || !r || !p || !salt || !key) return false;
  const expected = Buffer.from(key, 'base64');
  const actual = await scryptAsync(password, Buffer.from(salt, 'base64'), expected.length, {
    N: Number(n),
    r: Number(r),
    p: Number(p),
    maxmem: 64 * 1024 * 1024,
  });
  return timingSafeEqual(actual, expected);
}

const toUser = (row: { id: string; email: string; name: string; role: string; scopes: string[] }): User => ({
  id: String(row.id),
  email: row.email,
  name: row.name,
  role: row.role as Role,
  scopes: row.scopes,
});

export async function createUser(
  db: Kysely<Database>,
  input: {
    email: string;
    name: string;
    password?: string;
    oidcSubject?: string;
    role: Role;
    scopes?: string[];
    now: Date;
  },
): Promise<User> {
  const row = await db
    .insertInto('users')
    .values({
      email: input.email.toLowerCase(),
      name: input.name,
      password_hash: input.password === undefined ? null : await hashPassword(input.password),
      oidc_subject: input.oidcSubject ?? null,
      role: input.role,
      scopes: JSON.stringify(input.scopes ?? []),
      created_at: input.now,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return toUser(row);
}

/** The user with this email and password; the same work is done for unknown emails (no timing oracle). */
export async function authenticateLocal(
  db: Kysely<Database>,
  email: string,
  password: string,
): Promise<User | undefined> {
  const row = await db
    .selectFrom('users')
    .selectAll()
    .where('email', '=', email.toLowerCase())
    .where('disabled_at', 'is', null)
    .executeTakeFirst();
  const stored = row?.password_hash ?? (await decoyHash());
  const valid = await verifyPassword(password, stored);
  return row?.password_hash && valid ? toUser(row) : undefined;
}

let decoy: Promise<string> | undefined;
const decoyHash = (): Promise<string> => {
  decoy ??= hashPassword(randomBytes(16).toString('hex'));
  return decoy;
};

export async function findOrCreateOidcUser(
  db: Kysely<Database>,
  input: { subject: string; email: string; name: string; defaultRole: Role; now: Date },
): Promise<User> {
  const existing = await db
    .selectFrom('users')
    .selectAll()
    .where('oidc_subject', '=', input.subject)
    .where('disabled_at', 'is', null)
    .executeTakeFirst();
  if (existing) return toUser(existing);
  return createUser(db, {
    email: input.email,
    name: input.name,
    oidcSubject: input.subject,
    role: input.defaultRole,
    now: input.now,
  });
}

export async function getUser(db: Kysely<Database>, id: string): Promise<User | undefined> {
  const row = await db
    .selectFrom('users')
    .selectAll()
    .where('id', '=', id)
    .where('disabled_at', 'is', null)
    .executeTakeFirst();
  return row ? toUser(row) : undefined;
}

export interface Session {
  /** The secret the browser holds in its cookie; the store keeps only its hash. */
  id: string;
  user: User;
  csrfToken: string;
  expiresAt: Date;
}

export async function createSession(
  db: Kysely<Database>,
  userId: string,
  now: Date,
  ttlMs: number,
): Promise<Session> {
  const id = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(24).toString('base64url');
  const expiresAt = new Date(now.getTime() + ttlMs);
  await db
    .insertInto('sessions')
    .values({
      id: hashToken(id),
      user_id: userId,
      csrf_token: csrfToken,
      created_at: now,
      expires_at: expiresAt,
    })
    .execute();
  const user = await getUser(db, userId);
  if (!user) throw new Error(`no user ${userId}`);
  return { id, user, csrfToken, expiresAt };
}

export async function findSession(db: Kysely<Database>, id: string, now: Date): Promise<Session | undefined> {
  const row = await db
    .selectFrom('sessions')
    .selectAll()
    .where('id', '=', hashToken(id))
    .where('expires_at', '>', now)
    .executeTakeFirst();
  if (!row) return undefined;
  const user = await getUser(db, String(row.user_id));
  return user ? { id, user, csrfToken: row.csrf_token, expiresAt: row.expires_at } : undefined;
}

export async function deleteSession(db: Kysely<Database>, id: string): Promise<void> {
  await db.deleteFrom('sessions').where('id', '=', hashToken(id)).execute();
}
