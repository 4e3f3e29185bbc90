import { createHash } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { type CanonicalEventInput, parseEvents } from '../../src/contract/events.js';
import { collectEvents, generateEventBatches, generateEvents } from './generateEvents.js';
import { generateOrganisation } from './generateOrganisation.js';
import { benchPreset, demoPreset } from './presets.js';
import { serviceProfiles } from './serviceProfiles.js';
import { summariseEvents } from './summariseEvents.js';

const organisation = generateOrganisation(demoPreset);
const day = 86_400_000;

const ndjsonHash = (events: Iterable<CanonicalEventInput>): string => {
  const hash = createHash('sha256');
  for (const event of events) hash.update(`${JSON.stringify(event)}\n`);
  return hash.digest('hex');
};

describe('generateEvents', () => {
  let events: CanonicalEventInput[] = [];
  beforeAll(() => {
    events = collectEvents(organisation, demoPreset);
  });

  it('gives byte-identical output for the same seed and options, different output for another seed', () => {
    const small = { ...demoPreset, months: 1 };
    const first = ndjsonHash(generateEvents(organisation, small));
    expect(ndjsonHash(generateEvents(organisation, small))).toBe(first);
    expect(ndjsonHash(generateEvents(organisation, { ...small, seed: small.seed + 1 }))).not.toBe(first);
    expect(ndjsonHash(generateEvents(organisation, { ...small, end: small.end + day }))).not.toBe(first);
  });

  it('emits only events valid per the wire contract', () => {
    expect(events.length).toBeGreaterThan(20_000);
    for (let i = 0; i < events.length; i += 5_000) {
      const parsed = parseEvents(events.slice(i, i + 5_000));
      expect(parsed.ok ? [] : parsed.problems.slice(0, 5)).toEqual([]);
    }
  });

  it('exercises every rule of the engine at least once', () => {
    const summary = summariseEvents(events);
    for (const [feature, count] of Object.entries(summary.variety)) {
      expect({ feature, present: count > 0 }).toEqual({ feature, present: true });
    }
  });

  it('keeps time consistent: nothing after the end, pushes in order, commits before they are deployed', () => {
    const end = demoPreset.end;
    const problems: string[] = [];
    const check = (ok: boolean, what: string) => {
      if (!ok && problems.length < 10) problems.push(what);
    };
    const pushed = new Map<string, number>();
    const lastPush = new Map<string, number>();
    const repoOf = new Map(serviceProfiles(organisation, demoPreset.seed).map((p) => [p.service, p.repo]));
    for (const event of events) {
      if (event.type === 'change') {
        const pushedAt = Date.parse(event.pushedAt ?? '');
        const committedAt = Date.parse(event.committedAt);
        check(pushedAt <= end, `pushed after the end: ${event.sha}`);
        check(committedAt <= pushedAt, `committed after pushed: ${event.sha}`);
        const pr = event.pr;
        if (pr !== undefined) {
          check(Date.parse(pr.firstCommitAt ?? '') <= committedAt, `first commit after commit: ${event.sha}`);
          check(
            Date.parse(pr.openedAt ?? '') <= Date.parse(pr.mergedAt ?? ''),
            `opened after merged: ${event.sha}`,
          );
        }
        check(pushedAt >= (lastPush.get(event.repo) ?? 0), `push order broken: ${event.sha}`);
        lastPush.set(event.repo, pushedAt);
        pushed.set(`${event.repo} ${event.sha}`, pushedAt);
      } else if (event.type === 'deployment') {
        const startedAt = Date.parse(event.startedAt ?? '');
        if (event.finishedAt !== undefined) {
          check(Date.parse(event.finishedAt) <= end, `finished after the end: ${event.id}`);
          check(startedAt <= Date.parse(event.finishedAt), `finished before started: ${event.id}`);
        }
        const at = pushed.get(`${repoOf.get(event.service)} ${event.sha}`);
        check(at !== undefined && at <= startedAt, `deployed before pushed: ${event.id} ${event.sha}`);
      } else {
        const openedAt = Date.parse(event.openedAt);
        check(Date.parse(event.resolvedAt ?? event.openedAt) <= end, `resolved after the end: ${event.id}`);
        check(
          Date.parse(event.acknowledgedAt ?? event.openedAt) >= openedAt,
          `acknowledged early: ${event.id}`,
        );
        check(Date.parse(event.resolvedAt ?? event.openedAt) >= openedAt, `resolved early: ${event.id}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('releases to production on working days in London business hours (remedies aside)', () => {
    const local = new Intl.DateTimeFormat('en-GB', {
      timeZone: 'Europe/London',
      weekday: 'short',
      hour: 'numeric',
      hourCycle: 'h23',
    });
    let inHours = 0;
    let total = 0;
    for (const event of events) {
      if (event.type !== 'deployment' || event.environment !== 'production' || event.status !== 'success')
        continue;
      const parts = local.formatToParts(new Date(Date.parse(event.startedAt!)));
      const weekday = parts.find((p) => p.type === 'weekday')?.value ?? '';
      const hour = Number(parts.find((p) => p.type === 'hour')?.value);
      total++;
      if (!['Sat', 'Sun'].includes(weekday) && hour >= 9 && hour < 19) inHours++;
    }
    expect(inHours / total).toBeGreaterThan(0.9);
  });

  it('makes squads clearly different: elite squads release far more often than low ones', () => {
    const profiles = serviceProfiles(organisation, demoPreset.seed);
    const tierOf = new Map(profiles.map((p) => [p.service, p.tier]));
    const releases: Record<string, number> = { elite: 0, high: 0, medium: 0, low: 0 };
    const services: Record<string, number> = { elite: 0, high: 0, medium: 0, low: 0 };
    for (const profile of profiles) services[profile.tier]!++;
    for (const event of events) {
      if (event.type === 'deployment' && event.environment === 'production' && event.status === 'success') {
        releases[tierOf.get(event.service)!]!++;
      }
    }
    const perService = (tier: string) => releases[tier]! / services[tier]!;
    expect(perService('elite')).toBeGreaterThan(2 * perService('high'));
    expect(perService('high')).toBeGreaterThan(2 * perService('medium'));
    expect(perService('medium')).toBeGreaterThan(1.5 * perService('low'));
  });

  it('is lazy and can hand out batches', () => {
    const iterator = generateEvents(generateOrganisation(benchPreset), benchPreset);
    const first = iterator.next();
    expect(first.done).toBe(false);
    iterator.return(undefined);
    const sizes = [...generateEventBatches(organisation, { ...demoPreset, months: 1 }, 500)].map(
      (b) => b.length,
    );
    expect(sizes.slice(0, -1).every((size) => size === 500)).toBe(true);
    expect(sizes.at(-1)).toBeLessThanOrEqual(500);
  });

  it('rejects a period it cannot generate', () => {
    expect(() => generateEvents(organisation, { ...demoPreset, months: 0 }).next()).toThrow(
      /positive number of months/,
    );
  });
});
