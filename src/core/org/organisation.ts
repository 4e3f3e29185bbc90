/**
 * The organisation as declared in its file (tribes → squads → services), after validation.
 */

export interface ServiceDeclaration {
  name: string;
  /** `owner/name` of the repository the service is built from. */
  repo: string;
  /** Directory inside a monorepo; only changes touching it belong to the service. */
  path?: string;
  /** When the service started being measured (ISO date); events before it are history. */
  onboardedAt?: string;
  /** PagerDuty service ids or names that map to this service. */
  pagerduty?: string[];
  /** Opsgenie tags or team names that map to this service. */
  opsgenie?: string[];
  /** Datadog `service:` tag values that map to this service (the service name always maps). */
  datadog?: string[];
  /** CI workflows or pipelines that deploy this service, by name pattern, with their environment. */
  deployWorkflows?: { name: string; environment: string }[];
}

export interface SquadDeclaration {
  name: string;
  services: ServiceDeclaration[];
}

export interface TribeDeclaration {
  name: string;
  squads: SquadDeclaration[];
}

export interface Organisation {
  name: string;
  /** IANA time zone in which days, weeks and months are counted. */
  timezone: string;
  environments: {
    /** Names or globs of production-class environments. */
    production: string[];
  };
  /** How long after a deployment an incident without `causedBy` is attributed to it. */
  attributionWindowHours: number;
  tribes: TribeDeclaration[];
  /** True for the generated demo organisation. */
  demo?: boolean;
}

export const defaultProductionEnvironments = ['production', 'prod', 'live', 'production-*', 'prod-*'];

/** Which squad and tribe own a service from a given instant (ms) on. */
export interface Ownership {
  service: string;
  squad: string;
  tribe: string;
  /** Start of this ownership, ms since epoch; the earliest record applies to all time before it. */
  from: number;
}
