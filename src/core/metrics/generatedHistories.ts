import fc from 'fast-check';
import type { Change, Deployment, EventSet, Incident } from '../events.js';
import { analyseDeployments } from './analyseDelivery.js';
import { measureConfig } from './eventBuilders.js';
import { decodeServiceFacts, encodeServiceFacts } from './factsCodec.js';
import type { MeasureConfig } from './measureConfig.js';
import type { Member } from './selectGroup.js';
import { changeScopeOf, type ServiceFacts, serviceFactsOf } from './serviceFacts.js';

/**
 * Generated histories for property tests of the engine: small, dense histories of four services where
 * every rule of the metrics contract comes into play.
 */
// Small generated histories of four services: a, b (a monorepo path) and c declared, d not.
export const T = Date.UTC(2026, 0, 5);
export const minute = 60_000;
export const day = 24 * 60 * minute;
export const services = ['a', 'b', 'c', 'd'] as const;
export const config = measureConfig({
  a: { repo: 'r/a' },
  b: { repo: 'r/b', path: 'src' },
  c: { repo: 'r/c' },
});
export const options = { now: T + 12 * day, timezone: 'Europe/Amsterdam', hasIncidentSource: true };
export const windows = {
  whole: { from: T - day, to: T + 10 * day },
  part: { from: T + 2 * day, to: T + 5 * day },
};
export const groups: Record<string, Member> = {
  everyone: () => true,
  a: (s) => s === 'a',
  ab: (s) => s === 'a' || s === 'b',
  // ownership that changes over time
  bLater: (s, at) => s === 'b' && at >= T + 3 * day,
};

export const changeSpec = fc.record({
  parents: fc.constantFrom('previous', 'merge', 'unknown', 'root'),
  committed: fc.integer({ min: 0, max: 8000 }),
  pushed: fc.option(fc.integer({ min: 0, max: 8000 }), { nil: undefined }),
  firstCommitBefore: fc.option(fc.integer({ min: 0, max: 600 }), { nil: undefined }),
  hotfix: fc.boolean(),
  reverts: fc.boolean(),
  files: fc.constantFrom(undefined, ['src/x.ts'], ['docs/y.md']),
});
type ChangeSpec = typeof changeSpec extends fc.Arbitrary<infer S> ? S : never;

export const deploymentSpec = fc.record({
  service: fc.constantFrom('a', 'a', 'b', 'b', 'c', 'd'),
  change: fc.nat(8),
  environment: fc.constantFrom('production', 'production', 'prod-eu', 'staging'),
  status: fc.constantFrom('success', 'success', 'success', 'failure'),
  minute: fc.integer({ min: 0, max: 10_000 }),
  rollback: fc.boolean(),
  hotfix: fc.boolean(),
  listsCommits: fc.boolean(),
});
type DeploymentSpec = typeof deploymentSpec extends fc.Arbitrary<infer S> ? S : never;

export const incidentSpec = fc.record({
  services: fc.subarray([...services], { minLength: 1 }),
  minute: fc.integer({ min: 0, max: 10_000 }),
  duration: fc.option(fc.integer({ min: 0, max: 3000 }), { nil: undefined }),
  acknowledge: fc.option(fc.integer({ min: 0, max: 100 }), { nil: undefined }),
  causedBy: fc.option(fc.nat(), { nil: undefined }),
  causedByKind: fc.constantFrom('id', 'sha'),
  changeRelated: fc.boolean(),
});
type IncidentSpec = typeof incidentSpec extends fc.Arbitrary<infer S> ? S : never;

export const sha = (service: string, index: number): string => `${service}${index}`;

export function buildChange(service: string, index: number, spec: ChangeSpec, arrival: number): Change {
  const committedAt = T + spec.committed * minute;
  const previous = sha(service, index - 1);
  const parents =
    spec.parents === 'unknown'
      ? undefined
      : spec.parents === 'root' || index === 0
        ? []
        : spec.parents === 'merge' && index >= 2
          ? [previous, sha(service, index - 2)]
          : [previous];
  return {
    repo: `r/${service}`,
    sha: sha(service, index),
    committedAt,
    ...(parents === undefined ? {} : { parents }),
    // unique within the repository, so arrival never breaks a tie of push order
    ...(spec.pushed === undefined ? {} : { pushedAt: T + spec.pushed * minute + index }),
    ...(spec.firstCommitBefore === undefined
      ? {}
      : { pr: { firstCommitAt: committedAt - spec.firstCommitBefore * minute } }),
    labels: spec.hotfix ? ['hotfix'] : [],
    reverts: spec.reverts && index > 0 ? [previous] : [],
    ...(spec.files === undefined ? {} : { files: [...spec.files] }),
    arrival,
  };
}

export function buildDeployment(
  spec: DeploymentSpec,
  id: string,
  known: number,
  arrival: number,
): Deployment {
  const deployed = known > 0 ? sha(spec.service, spec.change % known) : `${spec.service}-gone`;
  return {
    source: 'ci',
    id,
    service: spec.service,
    environment: spec.environment,
    sha: deployed,
    status: spec.status as Deployment['status'],
    finishedAt: T + spec.minute * minute,
    // may name changes not known yet
    ...(spec.listsCommits ? { commits: [deployed, sha(spec.service, spec.change % (known + 2))] } : {}),
    rollback: spec.rollback,
    labels: spec.hotfix ? ['hotfix'] : [],
    arrival,
  };
}

export function buildIncident(spec: IncidentSpec, id: string, deployments: readonly Deployment[]): Incident {
  const openedAt = T + spec.minute * minute;
  const named =
    spec.causedBy === undefined ? undefined : deployments[spec.causedBy % Math.max(1, deployments.length)];
  const causedBy = named === undefined ? undefined : spec.causedByKind === 'id' ? named.id : named.sha;
  return {
    source: 'pd',
    id,
    services: spec.services,
    openedAt,
    ...(spec.acknowledge === undefined ? {} : { acknowledgedAt: openedAt + spec.acknowledge * minute }),
    ...(spec.duration === undefined ? {} : { resolvedAt: openedAt + spec.duration * minute }),
    ...(causedBy === undefined ? {} : { causedBy }),
    changeRelated: spec.changeRelated,
  };
}

export const specs = fc.record({
  changes: fc.tuple(...services.map(() => fc.array(changeSpec, { maxLength: 8, size: 'max' }))),
  deployments: fc.uniqueArray(deploymentSpec, { maxLength: 20, size: 'max', selector: (d) => d.minute }),
  incidents: fc.array(incidentSpec, { maxLength: 6, size: 'max' }),
});

export function build(input: typeof specs extends fc.Arbitrary<infer S> ? S : never): EventSet {
  let arrival = 0;
  const changes = services.flatMap((service, s) =>
    (input.changes[s] ?? []).map((spec, index) => buildChange(service, index, spec, arrival++)),
  );
  const known = (service: string) => changes.filter((c) => c.repo === `r/${service}`).length;
  const deployments = input.deployments.map((spec, k) =>
    buildDeployment(spec, `d${k}`, known(spec.service), arrival++),
  );
  const incidents = input.incidents.map((spec, k) => buildIncident(spec, `i${k}`, deployments));
  return { changes, deployments, incidents };
}

export const eventSets = specs.map(build);

/** Each service's facts computed from its own slice of the events, as a store keeps them (encoded). */
export function factsByService(events: EventSet, measure: MeasureConfig): ServiceFacts[] {
  const services = [...new Set(events.deployments.map((d) => d.service))];
  return services.flatMap((service) => {
    const deployments = events.deployments.filter((d) => d.service === service);
    const scope = changeScopeOf(service, measure);
    const listed = new Set(deployments.flatMap((d) => d.commits ?? []));
    const changes = events.changes.filter((c) =>
      'repo' in scope ? c.repo === scope.repo : listed.has(c.sha),
    );
    const facts = serviceFactsOf(analyseDeployments({ changes, deployments }, measure));
    return facts.map((f) => decodeServiceFacts(f.service, encodeServiceFacts(f)));
  });
}
