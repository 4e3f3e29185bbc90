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
 * The events the scope keeps: its services' deployments, its incidents, and only the changes the
 * selected services can carry (their repositories', or all for a service without one).
 */
function scoped(events: EventSet, selected: readonly string[]): EventSet {
  const facts = factsByService(events, config);
  const scope = drillDownScope(
    assembleHistory(facts, events.incidents, config.attributionWindowHours),
    selected,
  );
  const repos = selected.map((service) => config.services.get(service)?.repo);
  return {
    deployments: events.deployments.filter((d) => scope.services.includes(d.service)),
    changes: events.changes.filter((c) => repos.includes(undefined) || repos.includes(c.repo)),
    incidents: events.incidents.filter((i) => scope.incidents.has(incidentKey(i))),
  };
}

describe('the scope of a drill-down', () => {
  it('gives the records of the whole history from its services and incidents alone', () => {
    fc.assert(
      fc.property(eventSets, fc.subarray([...services], { minLength: 1 }), (events, selected) => {
        const whole = analyseDelivery(events, config);
        const part = analyseDelivery(scoped(events, selected), config);
        expect(records(part, selected)).toEqual(records(whole, selected));
      }),
      { numRuns: 300 },
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
