/**
 * Which services a CI run (GitHub workflow run, GitLab pipeline or job) deploys, from the
 * organisation's `deployWorkflows` name patterns.
 */
import type { Organisation } from '../core/org/organisation.js';
import { servicesOfRepo } from './listServices.js';
import { matchesGlob } from './matchesGlob.js';

/** A service a CI run deploys, with the environment its `deployWorkflows` entry names. */
export interface DeployingService {
  service: string;
  environment: string;
}

/**
 * The services of `repo` whose `deployWorkflows` patterns (globs, case-insensitive) match any of
 * `names` (workflow or pipeline names, paths, job names); the first matching entry of each service
 * gives its environment.
 */
export function findDeployingServices(
  organisation: Organisation,
  repo: string,
  names: readonly (string | null | undefined)[],
): DeployingService[] {
  const candidates = names.filter((name): name is string => typeof name === 'string' && name.trim() !== '');
  return servicesOfRepo(organisation, repo).flatMap((service) => {
    const entry = service.deployWorkflows?.find((workflow) =>
      candidates.some((name) => matchesGlob(workflow.name, name)),
    );
    return entry ? [{ service: service.name, environment: entry.environment }] : [];
  });
}
