import { describe, expect, it } from 'vitest';
import { analyseDelivery } from './analyseDelivery.js';
import type { DeliveryModel } from './deliveryModel.js';
import { day, deployment, eventSet, hour, incident, measureConfig, monday } from './eventBuilders.js';

const config = measureConfig();
const T = monday;

/** Failure reasons of each deployment as `id: rule/incident …`. */
function failures(model: DeliveryModel): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const d of model.deployments) {
    out[d.id] = d.failureReasons.map((r) => ('incident' in r ? `${r.rule}/${r.incident.id}` : r.rule));
  }
  return out;
}

describe('rule 1: an incident names the deployment in causedBy', () => {
  const deployments = [
    deployment('gh-1', 'pay', 's1', T, { version: '1.0.0' }),
    deployment('gh-2', 'pay', 's2', T + 2 * day, { version: '1.1.0' }),
  ];

  it.each([
    ['an id', 'gh-1'],
    ['a sha', 's1'],
    ['a version', '1.0.0'],
  ])('by %s', (_, causedBy) => {
    const incidents = [incident('i', ['pay'], T + 3 * day, { causedBy })];
    expect(failures(analyseDelivery(eventSet({ deployments, incidents }), config))).toEqual({
      'gh-1': ['caused-by/i'],
      'gh-2': [],
    });
  });

  it('names the latest deployment of a sha deployed twice that finished before the incident opened', () => {
    const twice = [
      deployment('d1', 'pay', 's1', T),
      deployment('d2', 'pay', 's2', T + day),
      deployment('d3', 'pay', 's1', T + 2 * day),
    ];
    const incidents = [
      incident('between', ['pay'], T + day + hour, { causedBy: 's1' }), // only d1 finished before
      incident('after', ['pay'], T + 2 * day + hour, { causedBy: 's1' }), // d3 is the latest
    ];
    expect(failures(analyseDelivery(eventSet({ deployments: twice, incidents }), config))).toMatchObject({
      d1: ['caused-by/between'],
      d3: ['caused-by/after'],
    });
  });

  it('prefers the incident’s own service when two services deployed the sha', () => {
    const shared = [deployment('api', 'api', 'mono1', T), deployment('web', 'web', 'mono1', T + hour)];
    const incidents = [incident('i', ['api'], T + 2 * hour, { causedBy: 'mono1' })];
    expect(failures(analyseDelivery(eventSet({ deployments: shared, incidents }), config))).toEqual({
      api: ['caused-by/i'],
      web: [],
    });
  });

  it('takes the earliest named deployment when none finished before the incident opened', () => {
    const incidents = [incident('skew', ['pay'], T - hour, { causedBy: 'gh-2' })];
    expect(failures(analyseDelivery(eventSet({ deployments, incidents }), config))['gh-2']).toEqual([
      'caused-by/skew',
    ]);
  });

  it('counts a causedBy naming no deployment, and never falls back to time attribution', () => {
    const incidents = [incident('i', ['pay'], T + hour, { causedBy: 'nope' })];
    const model = analyseDelivery(eventSet({ deployments, incidents }), config);
    expect(failures(model)).toEqual({ 'gh-1': [], 'gh-2': [] });
    expect(model.dataQuality.unmatchedCausedBy).toBe(1);
  });
});

describe('rule 2: a change-related incident opens within the window after a deployment', () => {
  // D finishes at T; the next deployment N at T + 2 days.
  const deployments = [deployment('D', 'pay', 's1', T), deployment('N', 'pay', 's2', T + 2 * day)];
  const attributed = (openedAt: number, extra = {}) =>
    failures(
      analyseDelivery(
        eventSet({ deployments, incidents: [incident('i', ['pay'], openedAt, extra)] }),
        config,
      ),
    );

  it('attributes an incident opened exactly 24 hours after D finished', () => {
    expect(attributed(T + 24 * hour)).toEqual({ D: ['incident-window/i'], N: [] });
  });

  it('does not attribute one opened when D finished, nor one a millisecond after the window', () => {
    expect(attributed(T)).toEqual({ D: [], N: [] });
    expect(attributed(T + 24 * hour + 1)).toEqual({ D: [], N: [] });
  });

  it('follows the configured attribution window', () => {
    const twoHours = measureConfig({}, { attributionWindowHours: 2 });
    const incidents = [incident('i', ['pay'], T + 3 * hour)];
    expect(failures(analyseDelivery(eventSet({ deployments, incidents }), twoHours)).D).toEqual([]);
  });

  it('gives an incident opened after N finished to N, not to D', () => {
    const close = [deployment('D', 'pay', 's1', T), deployment('N', 'pay', 's2', T + 2 * hour)];
    const incidents = [incident('i', ['pay'], T + 3 * hour)];
    expect(failures(analyseDelivery(eventSet({ deployments: close, incidents }), config))).toEqual({
      D: [],
      N: ['incident-window/i'],
    });
  });

  it('gives an incident opened exactly when N finished to D', () => {
    const close = [deployment('D', 'pay', 's1', T), deployment('N', 'pay', 's2', T + 2 * hour)];
    const incidents = [incident('i', ['pay'], T + 2 * hour)];
    expect(failures(analyseDelivery(eventSet({ deployments: close, incidents }), config))).toEqual({
      D: ['incident-window/i'],
      N: [],
    });
  });

  it('ignores incidents that are not change-related or on another service', () => {
    expect(attributed(T + hour, { changeRelated: false })).toEqual({ D: [], N: [] });
    const incidents = [incident('i', ['search'], T + hour)];
    expect(failures(analyseDelivery(eventSet({ deployments, incidents }), config))).toEqual({ D: [], N: [] });
  });

  it('attributes an incident on two services to the deployment of each', () => {
    const both = [deployment('pay1', 'pay', 's1', T), deployment('cart1', 'cart', 'c1', T + hour)];
    const incidents = [incident('i', ['pay', 'cart'], T + 2 * hour)];
    const model = analyseDelivery(eventSet({ deployments: both, incidents }), config);
    expect(failures(model)).toEqual({ pay1: ['incident-window/i'], cart1: ['incident-window/i'] });
    expect(model.incidents[0]?.attributedTo).toHaveLength(2);
  });
});

describe('incident records', () => {
  it('give time to restore and acknowledge in seconds, null when open or unacknowledged', () => {
    const incidents = [
      incident('done', ['pay'], T, { acknowledgedAt: T + 5 * 60_000, resolvedAt: T + 2 * hour }),
      incident('open', ['pay'], T + hour),
    ];
    const model = analyseDelivery(eventSet({ incidents }), config);
    expect(model.incidents.map((i) => [i.id, i.restoreSeconds, i.acknowledgeSeconds])).toEqual([
      ['done', 7200, 300],
      ['open', null, null],
    ]);
  });
});
