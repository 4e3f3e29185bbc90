import { describe, expect, it } from 'vitest';
import { analyseDelivery } from './analyseDelivery.js';
import {
  day,
  deployment,
  eventSet,
  everyone,
  hour,
  incident,
  measureConfig,
  monday,
} from './eventBuilders.js';
import { listIncidents } from './listIncidents.js';

const T = monday;

describe('listIncidents', () => {
  const deployments = [deployment('d1', 'pay', 's1', T)];
  const incidents = [
    incident('old', ['pay'], T - 3 * day, { resolvedAt: T - 2 * day }), // resolved before the window
    incident('hit', ['pay', 'cart'], T + hour, { acknowledgedAt: T + 2 * hour, resolvedAt: T + 4 * hour }),
    incident('open', ['cart'], T - day),
    incident('later', ['pay'], T + 2 * day), // opened after the window
  ];
  const model = analyseDelivery(eventSet({ deployments, incidents }), measureConfig());
  const window = { from: T, to: T + day };

  it('gives the incidents overlapping the window with restore, acknowledge and attribution', () => {
    const rows = listIncidents(model, window, everyone);
    expect(rows.map((r) => r.id)).toEqual(['open', 'hit']);
    expect(rows[1]).toEqual({
      source: 'pagerduty',
      id: 'hit',
      services: ['pay', 'cart'],
      openedAt: T + hour,
      acknowledgedAt: T + 2 * hour,
      resolvedAt: T + 4 * hour,
      open: false,
      changeRelated: true,
      causedBy: null,
      restoreSeconds: 3 * 3600,
      acknowledgeSeconds: 3600,
      attributedTo: [{ source: 'ci', id: 'd1', service: 'pay' }],
    });
    expect(rows[0]).toMatchObject({ open: true, restoreSeconds: null });
  });

  it('lists an incident of several services once, when one of them belongs to the group', () => {
    expect(listIncidents(model, window, (s) => s === 'cart').map((r) => r.id)).toEqual(['open', 'hit']);
    expect(listIncidents(model, window, (s) => s === 'pay').map((r) => r.id)).toEqual(['hit']);
  });
});
