/**
 * Timing-safe checks of webhook credentials, shared by the sources.
 *
 * Every comparison hashes both sides with SHA-256 first and compares the fixed-length digests with
 * `crypto.timingSafeEqual`, so neither the content nor the length of a secret leaks through timing.
 * Each check accepts any one of several configured secrets, so a secret can be rotated without
 * downtime; empty secrets never match.
 */
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { headerValue } from './headerValue.js';
import type { RawRequest } from './types.js';

/** The header carrying the shared token of sources that cannot sign (Opsgenie, Datadog). */
export const tokenHeader = 'X-Checkpoint-Token';

const digest = (text: string): Buffer => createHash('sha256').update(text, 'utf8').digest();

/** Constant-time equality of two strings of any lengths (compares SHA-256 digests of both). */
export function safeEqual(presented: string, expected: string): boolean {
  return timingSafeEqual(digest(presented), digest(expected));
}

/** HMAC-SHA256 of the raw body with `secret`, lower-case hex. */
export function hmacSha256Hex(secret: string, body: Buffer): string {
  return createHmac('sha256', secret).update(body).digest('hex');
}

/** The configured secrets that can be used: non-empty ones. */
export function usableSecrets(secrets: readonly string[]): string[] {
  return secrets.filter((secret) => secret.length > 0);
}

/**
 * True when any presented hex signature equals HMAC-SHA256(secret, body) for any usable secret.
 * Every pair is compared (no early exit), in constant time per pair.
 */
export function hasValidHmac(
  body: Buffer,
  secrets: readonly string[],
  presented: readonly string[],
): boolean {
  let valid = false;
  for (const secret of usableSecrets(secrets)) {
    const expected = hmacSha256Hex(secret, body);
    for (const signature of presented) {
      if (safeEqual(signature.trim().toLowerCase(), expected)) valid = true;
    }
  }
  return valid;
}

/** True when `presented` equals any usable secret (constant time per secret). */
export function matchesAnySecret(presented: string, secrets: readonly string[]): boolean {
  let valid = false;
  for (const secret of usableSecrets(secrets)) {
    if (safeEqual(presented, secret)) valid = true;
  }
  return valid;
}

/** The password of an HTTP basic `Authorization` header, or undefined. */
function basicAuthPassword(request: RawRequest): string | undefined {
  const authorization = headerValue(request.headers, 'authorization');
  const match = authorization?.match(/^basic\s+([A-Za-z0-9+/=_-]+)$/i);
  if (!match?.[1]) return undefined;
  const decoded = Buffer.from(match[1], 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  return colon < 0 ? undefined : decoded.slice(colon + 1);
}

/**
 * Verifies a shared token, for tools that cannot sign their webhooks but let users add headers
 * (Opsgenie, Datadog). The token is accepted from either:
 * - the header `X-Checkpoint-Token: <token>`, or
 * - HTTP basic auth, `Authorization: Basic base64(<any user>:<token>)`: the password is the token.
 *
 * Any one of `secrets` passes (rotation); a request presenting neither is rejected.
 */
export function verifyToken(request: RawRequest, secrets: readonly string[]): boolean {
  const presented = [headerValue(request.headers, tokenHeader), basicAuthPassword(request)].filter(
    (token): token is string => token !== undefined && token !== '',
  );
  let valid = false;
  for (const token of presented) if (matchesAnySecret(token, secrets)) valid = true;
  return valid;
}

/** The secrets of a configuration value: comma- or newline-separated, trimmed, empty ones dropped. */
export function splitSecrets(value: string | undefined): string[] {
  return (value ?? '')
    .split(/[,\n]/)
    .map((secret) => secret.trim())
    .filter((secret) => secret !== '');
}
