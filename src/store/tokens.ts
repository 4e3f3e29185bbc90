import { createHash, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from './schema.js';

export const tokenScopes = ['ingest', 'read', 'admin'] as const;
export type TokenScope = (typeof tokenScopes)[number];

export interface ApiToken {
  id: string;
  name: string;
  scope: TokenScope;
  createdAt: Date;
  expiresAt: Date | null;
  revokedAt: Date | null;
  lastUsedAt: Date | null;
}

/**
 * How every random secret is stored (API tokens, session ids, participant keys): they carry 256 random
 * bits, so a fast hash is enough; the secret itself is never stored.
 */
export const hashToken = (token: string): string => createHash('sha256').update(token).digest('hex');

const toApiToken = (row: {
  id: string;
  name: string;
  scope: string;
  created_at: Date;
  expires_at: Date | null;
  revoked_at: Date | null;
  last_used_at: Date | null;
}): ApiToken => ({
  id: String(row.id),
  name: row.name,
  scope: row.scope as TokenScope,
  createdAt: row.created_at,
  expiresAt: row.expires_at,
  revokedAt: row.revoked_at,
  lastUsedAt: row.last_used_at,
});

/** Creates a token and returns its secret, which is shown once and never stored. */
export async function createToken(
  db: Kysely<Database>,
  input: { name: string; scope: TokenScope; expiresAt?: Date | undefined; now: Date },
): Promise<{ token: string; record: ApiToken }> {
  const token = `cpk_${randomBytes(32).toString('base64url')}`;
  const row = await db
    .insertInto('api_tokens')
    .values({
      name: input.name,
      scope: input.scope,
      hash: hashToken(token),
      created_at: input.now,
      expires_at: input.expiresAt ?? null,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return { token, record: toApiToken(row) };
}

/** The live token with this secret, or undefined when unknown, revoked or expired at `now`. */
export async function findActiveToken(
  db: Kysely<Database>,
  token: string,
  now: Date,
): Promise<ApiToken | undefined> {
  const row = await db
    .selectFrom('api_tokens')
    .selectAll()
    .where('hash', '=', hashToken(token))
    .executeTakeFirst();
  if (!row || row.revoked_at !== null) return undefined;
  if (row.expires_at !== null && row.expires_at.getTime() <= now.getTime()) return undefined;
  await db.updateTable('api_tokens').set({ last_used_at: now }).where('id', '=', row.id).execute();
  return toApiToken(row);
}

export async function listTokens(db: Kysely<Database>): Promise<ApiToken[]> {
  const rows = await db.selectFrom('api_tokens').selectAll().orderBy('id').execute();
  return rows.map(toApiToken);
}

/** Revokes a token by id; returns false when no such token exists. */
export async function revokeToken(db: Kysely<Database>, id: string, now: Date): Promise<boolean> {
  if (!/^\d+$/.test(id)) return false;
  const result = await db
    .updateTable('api_tokens')
    .set({ revoked_at: now })
    .where('id', '=', id)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}
