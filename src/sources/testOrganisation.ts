/**
 * Test support for the source adapters: a small organisation around given services, requests built
 * from payloads, and the canonical-contract check every emitted event must pass.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { type EventProblem, parseEvents } from '../contract/events.js';
import type { Organisation, ServiceDeclaration } from '../core/org/organisation.js';
import type { ParsedDelivery, RawRequest, SourceError } from './types.js';

/** An organisation with one tribe and one squad owning `services`. */
export function testOrganisation(services: ServiceDeclaration[]): Organisation {
  return {
    name: 'Acme',
    timezone: 'UTC',
    environments: { production: ['production', 'prod', 'live', 'production-*', 'prod-*'] },
    attributionWindowHours: 24,
    tribes: [{ name: 'Mobility', squads: [{ name: 'Search', services }] }],
  };
}

/** A request whose body is `payload` serialised as JSON (or the string itself), with `headers`. */
export function requestOf(payload: unknown, headers: RawRequest['headers'] = {}): RawRequest {
  const text = typeof payload === 'string' ? payload : JSON.stringify(payload);
  return { headers, body: Buffer.from(text, 'utf8') };
}

/** The problems `parseEvents` finds in a delivery's events (none when all are canonical). */
export function canonicalProblems(result: ParsedDelivery | SourceError): EventProblem[] | string {
  if ('error' in result) return result.error;
  const parsed = parseEvents(result.events);
  return parsed.ok ? [] : parsed.problems;
}

/** The delivery, failing loudly when it is an error or carries a non-canonical event. */
export function delivered(result: ParsedDelivery | SourceError): ParsedDelivery {
  if ('error' in result) throw new Error(`expected a delivery, got the error: ${result.error}`);
  const problems = canonicalProblems(result);
  if (problems.length > 0) throw new Error(`non-canonical events: ${JSON.stringify(problems)}`);
  return result;
}

/** A fixture file beside a test (`base` is the test's `import.meta.url`): its bytes and its JSON. */
export function readFixture(base: string, name: string): { body: Buffer; payload: Record<string, unknown> } {
  const body = readFileSync(new URL(`./fixtures/${name}`, base));
  return { body, payload: JSON.parse(body.toString('utf8')) as Record<string, unknown> };
}

/** `sha256:<hex>` of a body, as the sources name deliveries that carry no id. */
export function digestOf(body: Buffer): string {
  return `sha256:${createHash('sha256').update(body).digest('hex')}`;
}
