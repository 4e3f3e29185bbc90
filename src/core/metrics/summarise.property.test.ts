import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { EventSet } from '../events.js';
import { analyseDelivery } from './analyseDelivery.js';
import { deploymentFrequency } from './deploymentFrequency.js';
import {
  build,
  buildChange,
  buildDeployment,
  buildIncident,
  changeSpec,
  config,
  day,
  deploymentSpec,
  eventSets,
  groups,
  incidentSpec,
  options,
  services,
  specs,
  T,
  windows,
} from './generatedHistories.js';
import type { GroupMetrics } from './groupMetrics.js';
import { listChanges } from './listChanges.js';
import { listDeployments } from './listDeployments.js';
import { listIncidents } from './listIncidents.js';
import type { MeasureConfig } from './measureConfig.js';
import { always, type Member } from './selectGroup.js';
import { durationStats } from './statistics.js';
import { summarise } from './summarise.js';

/** Every figure and list the engine gives, for each window and group. */
function everything(events: EventSet) {
  const model = analyseDelivery(events, config);
  const out: Record<string, unknown> = {};
  for (const [w, window] of Object.entries(windows)) {
    for (const [g, member] of Object.entries(groups)) {
      out[`${w}/${g}`] = {
        metrics: summarise(model, window, member, options),
        deployments: listDeployments(model, window, member),
        changes: listChanges(model, window, member),
        incidents: listIncidents(model, window, member),
      };
    }
  }
  return out;
}

const metricsOf = (
  events: EventSet,
  window = windows.whole,
  member: Member = groups.everyone ?? (() => true),
) => summarise(analyseDelivery(events, config), window, member, options);

const carriedCount = (m: GroupMetrics) => m.leadTime.count + m.leadTime.negativeDropped;
const lastArrival = (events: EventSet) =>
  Math.max(0, ...events.changes.map((c) => c.arrival), ...events.deployments.map((d) => d.arrival));

describe('properties of the engine', () => {
  it('gives the same figures whatever the order of the input arrays', () => {
    const shuffled = eventSets.chain((events) =>
      fc.tuple(
        fc.constant(events),
        fc.shuffledSubarray(events.changes, { minLength: events.changes.length }),
        fc.shuffledSubarray(events.deployments, { minLength: events.deployments.length }),
        fc.shuffledSubarray(events.incidents, { minLength: events.incidents.length }),
      ),
    );
    fc.assert(
      fc.property(shuffled, ([events, changes, deployments, incidents]) => {
        expect(everything({ changes, deployments, incidents })).toEqual(everything(events));
      }),
      { numRuns: 150 },
    );
  });

  it('gives the same figures whatever the arrival order, where arrival breaks no tie', () => {
    const permuted = eventSets.chain((events) => {
      const arrivals = [...events.changes.map((c) => c.arrival), ...events.deployments.map((d) => d.arrival)];
      return fc.tuple(fc.constant(events), fc.shuffledSubarray(arrivals, { minLength: arrivals.length }));
    });
    fc.assert(
      fc.property(permuted, ([events, arrivals]) => {
        const n = events.changes.length;
        const rearrived: EventSet = {
          changes: events.changes.map((c, i) => ({ ...c, arrival: arrivals[i] ?? 0 })),
          deployments: events.deployments.map((d, i) => ({ ...d, arrival: arrivals[n + i] ?? 0 })),
          incidents: events.incidents,
        };
        expect(everything(rearrived)).toEqual(everything(events));
      }),
      { numRuns: 150 },
    );
  });

  it('never counts fewer deployments when a deployment is added', () => {
    fc.assert(
      fc.property(eventSets, deploymentSpec, (events, spec) => {
        const known = events.changes.filter((c) => c.repo === `r/${spec.service}`).length;
        const added = buildDeployment(spec, 'extra', known, lastArrival(events) + 1);
        const before = metricsOf(events);
        const after = metricsOf({ ...events, deployments: [...events.deployments, added] });
        expect(after.deploymentFrequency.count).toBeGreaterThanOrEqual(before.deploymentFrequency.count);
      }),
      { numRuns: 200 },
    );
  });

  it('never counts fewer deployments, changes or failures when a later deployment is added', () => {
    fc.assert(
      fc.property(eventSets, deploymentSpec, (events, spec) => {
        const known = events.changes.filter((c) => c.repo === `r/${spec.service}`).length;
        // more than 24 h after every other deployment, so it cannot merge into an earlier one
        const latest = { ...spec, minute: 10_000 + 24 * 60 + 1 };
        const added = buildDeployment(latest, 'extra', known, lastArrival(events) + 1);
        const before = metricsOf(events);
        const after = metricsOf({ ...events, deployments: [...events.deployments, added] });
        expect(after.deploymentFrequency.count).toBeGreaterThanOrEqual(before.deploymentFrequency.count);
        expect(carriedCount(after)).toBeGreaterThanOrEqual(carriedCount(before));
        expect(after.changeFailureRate.failed).toBeGreaterThanOrEqual(before.changeFailureRate.failed);
      }),
      { numRuns: 200 },
    );
  });

  it('never counts fewer changes when a change is added, while deployments list their commits', () => {
    const listing = specs.map((s) =>
      build({ ...s, deployments: s.deployments.map((d) => ({ ...d, listsCommits: true })) }),
    );
    fc.assert(
      fc.property(listing, fc.constantFrom(...services), changeSpec, (events, service, spec) => {
        const index = events.changes.filter((c) => c.repo === `r/${service}`).length;
        const added = buildChange(service, index, spec, lastArrival(events) + 1);
        const before = metricsOf(events);
        const after = metricsOf({ ...events, changes: [...events.changes, added] });
        expect(carriedCount(after)).toBeGreaterThanOrEqual(carriedCount(before));
      }),
      { numRuns: 200 },
    );
  });

  it('never counts fewer incidents or failures when an incident is added', () => {
    fc.assert(
      fc.property(eventSets, incidentSpec, (events, spec) => {
        const added = buildIncident(spec, 'extra', events.deployments);
        const before = metricsOf(events);
        const after = metricsOf({ ...events, incidents: [...events.incidents, added] });
        expect(after.timeToRestore.count).toBeGreaterThanOrEqual(before.timeToRestore.count);
        expect(after.timeToRestore.open.length).toBeGreaterThanOrEqual(before.timeToRestore.open.length);
        expect(after.changeFailureRate.failed).toBeGreaterThanOrEqual(before.changeFailureRate.failed);
      }),
      { numRuns: 200 },
    );
  });

  it('rolls two services up as the union of their events', () => {
    fc.assert(
      fc.property(eventSets, fc.constantFrom(windows.whole, windows.part), (events, window) => {
        const model = analyseDelivery(events, config);
        const member = (s: string) => s === 'a' || s === 'b';
        const union = summarise(model, window, member, options);
        // naming the group's services (here as a one-shot iterator) only narrows the search
        const narrowed = summarise(model, window, member, {
          ...options,
          services: new Set(['a', 'b']).values(),
        });
        expect(narrowed).toEqual(union);
        const per = (service: string) => ({
          deployments: listDeployments(model, window, (s) => s === service),
          changes: listChanges(model, window, (s) => s === service),
          incidents: listIncidents(model, window, (s) => s === service),
        });
        const a = per('a');
        const b = per('b');
        const deployments = [...a.deployments, ...b.deployments];
        const changes = [...a.changes, ...b.changes];
        const incidents = new Map([...a.incidents, ...b.incidents].map((i) => [`${i.source}/${i.id}`, i]));
        const restored = [...incidents.values()].filter(
          (i) => i.resolvedAt !== null && i.resolvedAt >= window.from && i.resolvedAt < window.to,
        );
        const leadTimes = changes.flatMap((c) => (c.leadTimeSeconds === null ? [] : [c.leadTimeSeconds]));
        const failed = deployments.filter((d) => d.failed);
        const recoveries = failed.flatMap((d) => (d.recoverySeconds === null ? [] : [d.recoverySeconds]));

        expect(union.deploymentFrequency).toEqual(
          deploymentFrequency(
            deployments.map((d) => d.finishedAt),
            window,
            options.timezone,
          ),
        );
        expect(union.leadTime).toMatchObject({
          ...durationStats(leadTimes),
          negativeDropped: changes.length - leadTimes.length,
        });
        expect([union.changeFailureRate.failed, union.changeFailureRate.total]).toEqual([
          failed.length,
          deployments.length,
        ]);
        expect(union.failedDeploymentRecoveryTime).toMatchObject(durationStats(recoveries));
        expect(union.timeToRestore).toMatchObject(
          durationStats(restored.flatMap((i) => (i.restoreSeconds === null ? [] : [i.restoreSeconds]))),
        );
        expect(union.reworkRate.rework).toBe(deployments.filter((d) => d.rework).length);
      }),
      { numRuns: 200 },
    );
  });

  it('finds the deployments of whole services by bisection exactly as it does by asking for each', () => {
    const onboarded: MeasureConfig = {
      ...config,
      services: new Map([...config.services, ['c', { repo: 'r/c', onboardedAt: T + 3 * day }]]),
    };
    fc.assert(
      fc.property(eventSets, fc.boolean(), (events, onboarding) => {
        const model = analyseDelivery(events, onboarding ? onboarded : config);
        for (const window of [...Object.values(windows), { from: T + 3 * day, to: T + 3 * day + 1 }]) {
          for (const services of [undefined, ['c'], ['a', 'b'], ['d', 'a', 'c']]) {
            const asked = (s: string) => services === undefined || services.includes(s);
            const narrowed = services === undefined ? options : { ...options, services };
            expect(summarise(model, window, always, narrowed)).toEqual(
              summarise(model, window, asked, narrowed),
            );
          }
        }
      }),
      { numRuns: 200 },
    );
  });

  it('gives null figures exactly when their counts are 0, and names them as missing', () => {
    fc.assert(
      fc.property(eventSets, (events) => {
        const model = analyseDelivery(events, config);
        for (const window of Object.values(windows)) {
          for (const member of Object.values(groups)) {
            const m = summarise(model, window, member, options);
            const missing = new Set(m.missing.map((x) => x.metric));
            const df = m.deploymentFrequency;
            expect([df.perDay === null, df.band === null, missing.has('deploymentFrequency')]).toEqual(
              Array(3).fill(df.count === 0),
            );
            for (const [name, stats] of [
              ['leadTime', m.leadTime],
              ['failedDeploymentRecoveryTime', m.failedDeploymentRecoveryTime],
              ['timeToRestore', m.timeToRestore],
            ] as const) {
              const empty = stats.count === 0;
              expect([
                stats.median === null,
                stats.p90 === null,
                stats.mean === null,
                stats.band === null,
              ]).toEqual(Array(4).fill(empty));
              expect(missing.has(name)).toBe(empty);
            }
            const ack = m.timeToRestore.acknowledge;
            expect([ack.median === null, ack.mean === null]).toEqual([ack.count === 0, ack.count === 0]);
            const cfr = m.changeFailureRate;
            expect([cfr.rate === null, cfr.band === null]).toEqual([cfr.total === 0, cfr.total === 0]);
            expect(m.reworkRate.rate === null).toBe(m.reworkRate.total === 0);
          }
        }
      }),
      { numRuns: 150 },
    );
  });
});
