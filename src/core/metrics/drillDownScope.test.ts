import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { EventSet } from '../events.js';
import { analyseDelivery } from './analyseDelivery.js';
import { drillDownScope, incidentKey } from './drillDownScope.js';
import { deployment, eventSet, incident, measureConfig, monday } from './eventBuilders.js';
import { config, day, eventSets, factsByService, services, windows } from './generatedHistories.js';
import { listChanges } from './listChanges.js';
import { listDeployments } from './listDeployments.js';
import { listIncidents } from './listIncidents.js';
import type { MeasureConfig } from './measureConfig.js';
import { assembleHistory } from './serviceFacts.js';

/** Every record a drill-down into `selected` shows, over every window. */
function records(model: ReturnType<typeof analyseDelivery>, selected: readonly string[]) {
  const member = (service: string) => selected.includes(service);
  return Object.values(windows).map((window) => ({
    deployments: listDeployments(model, window, member, selected),
    changes: listChanges(model, window, member, selected),
    incidents: listIncidents(model, window, member, selected),
  }));
}

/**
 * The events the scope keeps, as a store reads them: its services' deployments, its incidents, and
 * only the changes the selected services can carry (their repositories', and for a service without
 * one the changes its deployments list).
 */
function scoped(events: EventSet, selected: readonly string[], measure: MeasureConfig): EventSet {
  const facts = factsByService(events, measure);
  const scope = drillDownScope(
    assembleHistory(facts, events.incidents, measure.attributionWindowHours),
    selected,
  );
  const repos = new Set(selected.flatMap((service) => measure.services.get(service)?.repo ?? []));
  const listed = new Set(
    events.deployments
      .filter((d) => selected.includes(d.service) && !measure.services.has(d.service))
      .flatMap((d) => d.commits ?? []),
  );
  return {
    deployments: events.deployments.filter((d) => scope.services.includes(d.service)),
    changes: events.changes.filter((c) => repos.has(c.repo) || listed.has(c.sha)),
    incidents: events.incidents.filter((i) => scope.incidents.has(incidentKey(i))),
  };
}

/** a and b in one repository, b under `src/`. */
const monorepo = measureConfig({
  a: { repo: 'r/a' },
  b: { repo: 'r/a', path: 'src' },
  c: { repo: 'r/c' },
});

const some = <T>(values: readonly T[], length: number) =>
  fc.array(fc.option(fc.constantFrom(...values), { nil: undefined }), {
    minLength: length,
    maxLength: length,
  });

/**
 * Generated histories tangled for attribution: versions several services share, shas deployed by
 * more than one service, causes naming a version or a string that is both an id and a sha (`d0`);
 * and, half of the time, a and b in one repository.
 */
const tangled = fc
  .tuple(
    eventSets,
    some(['1.0', '1.1', 'd0'], 20),
    some(['a0', 'a1', 'b0', 'c0'], 20),
    some(['1.0', '1.1', 'd0', 'd1', 'a0', 'b0'], 6),
    fc.boolean(),
  )
  .map(([events, versions, shas, causes, shared]) => ({
    measure: shared ? monorepo : config,
    events: {
      changes: shared
        ? events.changes.map((c) => (c.repo === 'r/b' ? { ...c, repo: 'r/a' } : c))
        : events.changes,
      deployments: events.deployments.map((d, i) => {
        const version = versions[i];
        const borrowed = shas[i];
        return {
          ...d,
          ...(version === undefined ? {} : { version }),
          ...(borrowed === undefined ? {} : { sha: borrowed }),
        };
      }),
      incidents: events.incidents.map((incident, i) => {
        const cause = causes[i];
        return incident.causedBy === undefined || cause === undefined
          ? incident
          : { ...incident, causedBy: cause };
      }),
    },
  }));

describe('the scope of a drill-down', () => {
  it('gives the records of the whole history from its services and incidents alone', () => {
    fc.assert(
      fc.property(eventSets, fc.subarray([...services], { minLength: 1 }), (events, selected) => {
        const whole = analyseDelivery(events, config);
        const part = analyseDelivery(scoped(events, selected, config), config);
        expect(records(part, selected)).toEqual(records(whole, selected));
      }),
      { numRuns: 300 },
    );
  });

  it('does so when services share versions, shas and a repository', () => {
    fc.assert(
      fc.property(tangled, fc.subarray([...services], { minLength: 1 }), ({ events, measure }, selected) => {
        const whole = analyseDelivery(events, measure);
        const part = analyseDelivery(scoped(events, selected, measure), measure);
        expect(records(part, selected)).toEqual(records(whole, selected));
      }),
      { numRuns: 500 },
    );
  });

  it('takes in the services a causedBy can pick and the incidents that can fail a selected deployment', () => {
    const measure = measureConfig({
      web: { repo: 'acme/web' },
      api: { repo: 'acme/api' },
      db: { repo: 'acme/db' },
      ops: { repo: 'acme/ops' },
    });
    const events = eventSet({
      deployments: [
        deployment('w1', 'web', 'shared', monday + day),
        deployment('a1', 'api', 'shared', monday + day + 60_000),
        deployment('d1', 'db', 'other', monday + day),
        deployment('o1', 'ops', 'own', monday + day),
      ],
      incidents: [
        // names web, caused by a sha web and api deployed: web's own deployment is picked
        incident('i1', ['web'], monday + 2 * day, { causedBy: 'shared' }),
        // names db, caused by web's deployment
        incident('i2', ['db'], monday + 2 * day, { causedBy: 'w1' }),
        // names ops, which deployed no such sha: picked among web's and api's
        incident('i3', ['ops'], monday + 2 * day, { causedBy: 'shared' }),
        // names db, with no cause
        incident('i4', ['db'], monday + 3 * day),
      ],
    });
    const whole = analyseDelivery(events, measure);
    const scopeOf = (selected: string[]) => {
      const scope = drillDownScope(whole, selected);
      return {
        services: scope.services,
        incidents: [...scope.incidents].map((key) => key.split('\u0000')[1]),
      };
    };
    expect(scopeOf(['web'])).toEqual({
      services: ['api', 'db', 'ops', 'web'],
      incidents: ['i1', 'i2', 'i3'],
    });
    expect(scopeOf(['api'])).toEqual({ services: ['api', 'ops', 'web'], incidents: ['i3'] });
    expect(scopeOf(['db'])).toEqual({ services: ['db', 'web'], incidents: ['i2', 'i4'] });
  });
});
