import { describe, expect, it } from 'vitest';
import { analyseDelivery } from './analyseDelivery.js';
import { day, deployment, eventSet, hour, incident, measureConfig, monday } from './eventBuilders.js';
import { selectDeployments, selectIncidents } from './selectGroup.js';

const T = monday;
const model = analyseDelivery(
  eventSet({
    deployments: [
      deployment('b1', 'b', 's1', T + 2 * hour),
      deployment('a1', 'a', 's1', T + hour),
      deployment('a2', 'a', 's2', T + 3 * hour),
      deployment('a3', 'a', 's3', T + day),
    ],
    incidents: [incident('both', ['a', 'b'], T), incident('b-only', ['b'], T + hour)],
  }),
  measureConfig(),
);
const ids = (indices: number[]) => indices.map((i) => model.deployments[i]?.id);

describe('selectDeployments', () => {
  it('gives the group’s deployments in the window by finish, across services', () => {
    expect(ids(selectDeployments(model, { from: T, to: T + day }, () => true))).toEqual(['a1', 'b1', 'a2']);
  });

  it('asks the group about each deployment at its finish', () => {
    const aUntilTwo = (service: string, at: number) => service === 'b' || at < T + 2 * hour;
    expect(ids(selectDeployments(model, { from: T, to: T + day }, aUntilTwo))).toEqual(['a1', 'b1']);
  });

  it('looks only at the services named, when named', () => {
    expect(ids(selectDeployments(model, { from: T, to: 2 * T }, () => true, ['b']))).toEqual(['b1']);
  });
});

describe('selectIncidents', () => {
  it('gives an incident once when several of its services belong to the group', () => {
    const found = selectIncidents(
      model,
      () => true,
      T + day,
      () => true,
    );
    expect(found.map((i) => model.incidents[i]?.id)).toEqual(['both', 'b-only']);
  });

  it('keeps to incidents opened before the bound', () => {
    expect(
      selectIncidents(
        model,
        () => true,
        T + 1,
        () => true,
      ),
    ).toHaveLength(1);
  });
});
