import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyseDelivery } from './analyseDelivery.js';
import type { MeasuredHistory } from './deliveryModel.js';
import {
  chain,
  change,
  day,
  deployment,
  eventSet,
  incident,
  measureConfig,
  monday,
} from './eventBuilders.js';
import { config, eventSets, factsByService, groups, options, T, windows } from './generatedHistories.js';
import type { MeasureConfig } from './measureConfig.js';
import { assembleHistory, factMark } from './serviceFacts.js';
import { summarise } from './summarise.js';

function figures(history: Parameters<typeof summarise>[0]) {
  const out: Record<string, unknown> = {};
  for (const [w, window] of Object.entries(windows)) {
    for (const [g, member] of Object.entries(groups))
      out[`${w}/${g}`] = summarise(history, window, member, options);
  }
  return out;
}

/** Each deployment's identity, whether it failed and when it recovered, from the columns. */
const failures = ({ columns }: MeasuredHistory) =>
  Array.from({ length: columns.finishedAt.length }, (_, i) => {
    const recoveredAt = columns.recoveredAt[i] as number;
    return [columns.ref(i).id, columns.failed[i] === 1, Number.isNaN(recoveredAt) ? null : recoveredAt];
  });

// service c measured only from its onboarding: its earlier deployments are history
const onboarded: MeasureConfig = {
  ...config,
  services: new Map([...config.services, ['c', { repo: 'r/c', onboardedAt: T + 3 * day }]]),
};

describe('service facts', () => {
  it('give exactly the figures of the whole-history engine, whatever the history', () => {
    fc.assert(
      fc.property(eventSets, fc.boolean(), (events, onboarding) => {
        const measure = onboarding ? onboarded : config;
        const reference = analyseDelivery(events, measure);
        const assembled = assembleHistory(
          factsByService(events, measure),
          events.incidents,
          measure.attributionWindowHours,
        );
        expect(figures(assembled)).toEqual(figures(reference));
        expect(assembled.dataQuality).toEqual(reference.dataQuality);
        expect(failures(assembled)).toEqual(
          reference.deployments.map((d) => [d.id, d.failed, d.recoveredAt]),
        );
      }),
      { numRuns: 300 },
    );
  });

  it('keep what a merged deployment, a hotfix and a negative lead time say', () => {
    const measure = measureConfig({ web: { repo: 'acme/web' } });
    const [c1, c2, c3] = chain('acme/web', ['c1', 'c2', 'c3'], monday, 2 * day);
    if (c1 === undefined || c2 === undefined || c3 === undefined) throw new Error('chain of three');
    const events = eventSet({
      changes: [
        c1,
        c2,
        { ...c3, labels: ['hotfix'] },
        change('acme/web', 'late', monday + 30 * day, { parents: ['c3'] }),
      ],
      deployments: [
        deployment('d1', 'web', 'c1', monday + day, { commits: ['c1', 'ghost'] }),
        deployment('d2', 'web', 'c2', monday + 3 * day),
        deployment('d2-eu', 'web', 'c2', monday + 3 * day + 60_000, { environment: 'prod-eu' }),
        deployment('d3', 'web', 'c3', monday + 10 * day),
        deployment('d4', 'web', 'late', monday + 11 * day),
      ],
      incidents: [incident('i1', ['web'], monday + 3 * day + 3_600_000, { causedBy: 'd2-eu' })],
    });
    const [facts] = factsByService(events, measure);
    expect(facts?.names.id).toEqual(['d1', 'd2', 'd3', 'd4']);
    expect(facts?.names.members).toEqual({ 1: ['d2-eu'] });
    // d2 failed by its hotfix d3 (rules 3–4); d3 is rework
    expect([...(facts?.deployments.marks ?? [])]).toEqual([0, factMark.failedByNext, factMark.rework, 0]);
    // d1 carries c1 only (first deployment: its listed commits); d4's lead time is negative, dropped
    expect([...(facts?.deployments.carried ?? [])]).toEqual([1, 1, 1, 1]);
    expect([...(facts?.deployments.kept ?? [])]).toEqual([1, 1, 1, 0]);
    // in seconds: c1 a day before d1; c2 a day and a minute before d2's last member; c3 six days before d3
    expect([...(facts?.leadTimes ?? [])]).toEqual([86_400, 86_460, 518_400]);
    expect(facts?.unknownCommits).toBe(1);
    const assembled = assembleHistory(facts ? [facts] : [], events.incidents, 24);
    // the incident names the second member; recovery is the hotfix's finish (no resolution)
    expect(failures(assembled)[1]).toEqual(['d2', true, monday + 10 * day]);
    expect(assembled.dataQuality).toEqual(analyseDelivery(events, measure).dataQuality);
  });
});
