/**
 * Which of a repository's services a deployment (GitHub deployment, GitLab deployment) is of.
 *
 * The rule, in order:
 * 1. a hint naming one of the repository's services: GitHub `deployment.payload.service`, or the
 *    task `deploy:<service>`;
 * 2. an environment whose suffix names one of them: `<environment>/<service>`,
 *    `<environment>:<service>` or `<environment>-<service>` (e.g. `production/search`); the
 *    suffix is then dropped from the environment (`production`);
 * 3. the repository's only service.
 * Otherwise the deployment is ignored with a reason that says how to name the service.
 */
import type { Organisation } from '../core/org/organisation.js';
import { servicesOfRepo } from './listServices.js';

/** The service and environment a deployment is recorded under. */
export interface DeploymentTarget {
  service: string;
  environment: string;
}

const same = (a: string, b: string): boolean => a.toLowerCase() === b.toLowerCase();

/** The task's service for tasks of the form `deploy:<service>`. */
export function serviceOfTask(task: string | null | undefined): string | undefined {
  const match = task?.match(/^deploy:(.+)$/i);
  return match?.[1]?.trim() || undefined;
}

/** Picks the service (and environment) of a deployment of `repo`, or says why none fits. */
export function pickDeploymentService(
  organisation: Organisation,
  repo: string,
  environment: string,
  hints: readonly (string | undefined)[],
): DeploymentTarget | { ignored: string } {
  const candidates = servicesOfRepo(organisation, repo);
  if (candidates.length === 0) return { ignored: `repository ${repo} is not mapped to a service` };

  for (const hint of hints) {
    const named = hint === undefined ? undefined : candidates.find((service) => same(service.name, hint));
    if (named) return { service: named.name, environment };
  }
  for (const service of candidates) {
    for (const separator of ['/', ':', '-']) {
      const suffix = `${separator}${service.name}`;
      if (environment.length > suffix.length && environment.toLowerCase().endsWith(suffix.toLowerCase())) {
        return { service: service.name, environment: environment.slice(0, -suffix.length) };
      }
    }
  }
  const only = candidates.length === 1 ? candidates[0] : undefined;
  if (only) return { service: only.name, environment };
  const names = candidates.map((service) => service.name).join(', ');
  return {
    ignored:
      `repository ${repo} holds several services (${names}); name one in the deployment payload ` +
      `(service), the task (deploy:<service>) or the environment (<environment>/<service>)`,
  };
}
