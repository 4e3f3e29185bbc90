import { defaultProductionEnvironments } from '../org/organisation.js';

/** Which instant a change's lead time starts from (metrics contract §4, lead time). */
export type LeadTimeStart = 'firstCommitAt' | 'committedAt' | 'pushedAt' | 'prOpenedAt';

/** How the engine sees one declared service: its repository, monorepo path and onboarding instant (ms). */
export interface MeasuredService {
  repo: string;
  /** Directory inside a monorepo; only changes touching a file under it are carried. */
  path?: string;
  /** Instant (ms since epoch) from which the service is measured; earlier deployments are history. */
  onboardedAt?: number;
}

/** The settings the measurement engine runs with (metrics contract §2–§4). */
export interface MeasureConfig {
  /** Whether an environment name is of the production class. */
  isProduction: (environment: string) => boolean;
  /** How long after a deployment an incident without `causedBy` is attributed to it, in hours (default 24). */
  attributionWindowHours: number;
  /** Start of lead time (default `firstCommitAt`: the pull request's first commit, else `committedAt`). */
  leadTimeStart: LeadTimeStart;
  /** Declared services by name. Deployments of undeclared services are still measured. */
  services: ReadonlyMap<string, MeasuredService>;
}

/**
 * Whether an environment name matches one of the production patterns (metrics contract §2): a pattern
 * ending in `*` matches by prefix, any other by equality; both ignore case.
 */
export function isProductionEnvironment(
  environment: string,
  patterns: readonly string[] = defaultProductionEnvironments,
): boolean {
  const name = environment.toLowerCase();
  return patterns.some((pattern) => {
    const p = pattern.toLowerCase();
    return p.endsWith('*') ? name.startsWith(p.slice(0, -1)) : name === p;
  });
}

/** The configuration of a fresh install: default production names, 24 h attribution, `firstCommitAt`. */
export const defaultMeasureConfig: MeasureConfig = {
  isProduction: (environment) => isProductionEnvironment(environment),
  attributionWindowHours: 24,
  leadTimeStart: 'firstCommitAt',
  services: new Map(),
};
