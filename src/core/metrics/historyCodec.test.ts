import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyseDelivery } from './analyseDelivery.js';
import type { WholeHistory } from './deliveryModel.js';
import { drillDownScope } from './drillDownScope.js';
import { change, day, deployment, eventSet, incident, measureConfig, monday } from './eventBuilders.js';
import { config, eventSets, groups, options, services, windows } from './generatedHistories.js';
import { decodeHistory, encodeHistory } from './historyCodec.js';
import { summarise } from './summarise.js';

function figures(history: WholeHistory) {
  const out: Record<string, unknown> = {};
  for (const [w, window] of Object.entries(windows)) {
    for (const [g, member] of Object.entries(groups))
      out[`${w}/${g}`] = summarise(history, window, member, options);
  }
  return out;
}

const scopes = (history: WholeHistory) =>
  services.map((service) => {
    const scope = drillDownScope(history, [service]);
    return { services: scope.services, incidents: [...scope.incidents].sort() };
  });

describe('a kept whole history', () => {
  it('gives the figures and drill-down scopes of the history it was kept from, whatever the history', () => {
    fc.assert(
      fc.property(eventSets, (events) => {
        const whole = analyseDelivery(events, config);
        const kept = decodeHistory(encodeHistory(whole, ['a', 'x']));
        expect(figures(kept.history)).toEqual(figures(whole));
        const { ref: _kept, ...keptColumns } = kept.history.columns;
        const { ref: _whole, ...wholeColumns } = whole.columns;
        const plain = (columns: typeof keptColumns) =>
          Object.fromEntries(Object.entries(columns).map(([name, values]) => [name, [...values]]));
        expect(plain(keptColumns)).toEqual(plain(wholeColumns));
        expect(scopes(kept.history)).toEqual(scopes(whole));
        expect(kept.history.incidents).toEqual(whole.incidents);
        expect(kept.deployed).toEqual(['a', 'x']);
      }),
      { numRuns: 200 },
    );
  });

  it('names only the deployments the figures name: failed ones not recovered', () => {
    const events = eventSet({
      deployments: [
        deployment('d1', 'web', 'c1', monday + day),
        deployment('d2', 'web', 'c2', monday + 2 * day),
      ],
      // never resolved: d1 failed and is not recovered (d2 is no rollback nor hotfix)
      incidents: [incident('i1', ['web'], monday + day + 3_600_000, { causedBy: 'd1' })],
    });
    const whole = analyseDelivery(events, measureConfig({ web: { repo: 'acme/web' } }));
    const kept = decodeHistory(encodeHistory(whole, ['web'])).history;
    expect(kept.columns.ref(0)).toEqual({ source: 'ci', id: 'd1', service: 'web' });
    expect(() => kept.columns.ref(1)).toThrow('the kept history names no deployment at 1');
  });

  it('keeps lead times of whole seconds and of fractions of a second alike', () => {
    const measure = measureConfig({ web: { repo: 'acme/web' } });
    for (const finish of [monday + 2 * day, monday + 2 * day + 500]) {
      const events = eventSet({
        changes: [
          change('acme/web', 'c1', monday),
          change('acme/web', 'c2', monday + day, { parents: ['c1'] }),
        ],
        deployments: [deployment('d1', 'web', 'c1', monday + 1000), deployment('d2', 'web', 'c2', finish)],
      });
      const whole = analyseDelivery(events, measure);
      const kept = decodeHistory(encodeHistory(whole, ['web'])).history;
      expect([...kept.columns.leadTimes]).toEqual([...whole.columns.leadTimes]);
      expect([...kept.columns.leadMsBefore]).toEqual([...whole.columns.leadMsBefore]);
    }
  });

  it('is kept only with its changes and lead times laid out position by position', () => {
    const whole = analyseDelivery(
      eventSet({ deployments: [deployment('d1', 'web', 'c1', monday + day)] }),
      measureConfig({ web: { repo: 'acme/web' } }),
    );
    const shifted = { ...whole, columns: { ...whole.columns, changesFrom: new Int32Array([1]) } };
    expect(() => encodeHistory(shifted, [])).toThrow(
      'a history is kept only with its changes and lead times laid out position by position',
    );
  });

  it('that is damaged fails saying what does not fit', () => {
    const encoded = encodeHistory(
      analyseDelivery({ changes: [], deployments: [], incidents: [] }, config),
      [],
    );
    expect(() => decodeHistory({ ...encoded, figures: new Uint8Array(3) })).toThrow(
      'the kept measured history is damaged: 3 bytes of figures',
    );
    const longer = new Uint8Array(encoded.figures.length + 8);
    longer.set(encoded.figures);
    expect(() => decodeHistory({ ...encoded, figures: longer })).toThrow(
      'the kept measured history is damaged: 24 bytes of figures for 0 deployments and 0 lead times',
    );
  });
});
