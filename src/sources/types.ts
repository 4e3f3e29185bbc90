/**
 * The shape every webhook source adapter shares: the raw request it is handed, the context it
 * parses in, and what it hands back (canonical events, metrics contract §1).
 */
import type { CanonicalEventInput } from '../contract/events.js';
import type { Organisation } from '../core/org/organisation.js';

/** The names of the built-in webhook sources. */
export type SourceName = 'github' | 'gitlab' | 'pagerduty' | 'opsgenie' | 'datadog';

/** A request as the server received it: headers as Node gives them and the body's exact bytes. */
export interface RawRequest {
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

/** What a source needs besides the request: the organisation's mappings and the arrival time. */
export interface SourceContext {
  organisation: Organisation;
  /** When the request arrived, ms since the Unix epoch. */
  receivedAt: number;
}

/** One accepted delivery: the canonical events it yields, possibly none. */
export interface ParsedDelivery {
  /**
   * The tool's delivery id (`X-GitHub-Delivery`, GitLab `Idempotency-Key` / `X-Gitlab-Event-UUID`,
   * PagerDuty `event.id`, Datadog `$ID`), or `sha256:<hex>` of the body when the tool sends none.
   */
  deliveryId: string;
  /** The tool's name for what happened, e.g. `push`, `deployment_status`, `incident.resolved`. */
  eventType: string;
  events: CanonicalEventInput[];
  /** Why nothing was taken (event not measured, branch not deployable, service unmapped…). */
  ignored?: string;
}

/** A delivery that cannot be read: the message names what is wrong (bad JSON, missing field). */
export interface SourceError {
  error: string;
}

/** A webhook source: verifies the raw request, then turns it into canonical events. */
export interface Source {
  name: SourceName;
  /** The environment variable holding the secret(s) (the server reads it, comma-separated for rotation). */
  secretEnv: string;
  /** True when the request is authentic for any one of `secrets`; checked on the raw bytes, timing-safe. */
  verify(request: RawRequest, secrets: readonly string[]): boolean;
  /** Reads an already verified request. Unknown event types are acknowledged with `ignored`, never errors. */
  parse(request: RawRequest, context: SourceContext): ParsedDelivery | SourceError;
}

/** What one event handler of a source yields: events taken, or why none were. */
export interface Extraction {
  events: CanonicalEventInput[];
  ignored?: string;
}

/** True when a parse result is an error rather than a delivery. */
export function isSourceError(result: object): result is SourceError {
  return 'error' in result && typeof (result as SourceError).error === 'string';
}

/** An extraction that takes the given events. */
export function taken(events: CanonicalEventInput[]): Extraction {
  return { events };
}

/** An extraction that takes nothing, with the reason. */
export function ignoredBecause(reason: string): Extraction {
  return { events: [], ignored: reason };
}
