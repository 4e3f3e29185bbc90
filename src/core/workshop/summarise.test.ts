import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generatedPeople } from './commandArbitrary.js';
import { applyAll, commandSequence, generatedCheckpoint } from './commandSequence.js';
import { playSampleCheckpoint } from './sampleCheckpoint.js';
import { summarise, summariseView } from './summarise.js';
import { newCheckpoint } from './testCheckpoint.js';
import { viewFor } from './viewFor.js';

describe('summariseView', () => {
  it('gives the same summary whoever the view belongs to, for any sequence of commands', () => {
    fc.assert(
      fc.property(commandSequence, (commands) => {
        const states = applyAll(generatedCheckpoint(), commands);
        for (const state of [states[Math.floor(states.length / 2)]!, states.at(-1)!]) {
          const summary = summarise(state);
          for (const person of [...generatedPeople, 'zed:7']) {
            expect(summariseView(viewFor(state, person))).toEqual(summary);
          }
        }
      }),
      { numRuns: 40 },
    );
  });

  it('summarises a whole checkpoint from a participant’s view', () => {
    const { state } = playSampleCheckpoint();
    const summary = summariseView(viewFor(state, state.facilitatorId));
    expect(summary.completed).toBe(true);
    expect(summary.answers.every((answer) => answer.agreedLabel !== null)).toBe(true);
    expect(summary.focus?.ranking.filter((entry) => entry.keyFocus)).toHaveLength(1);
    expect(summary.topImprovements?.length).toBeGreaterThan(0);
    expect(summary.actions.length).toBeGreaterThan(0);
  });

  it('words measured rates to one decimal', () => {
    const state = newCheckpoint({
      measured: {
        from: '2025-01-01T00:00:00.000Z',
        to: '2025-03-01T00:00:00.000Z',
        bands: { changeFailureRate: 0.23884, reworkRate: 0.05 },
        figures: [],
      },
    });
    const labels = Object.fromEntries(
      summarise(state).answers.map((answer) => [answer.key, answer.measuredLabel]),
    );
    expect(labels).toMatchObject({ changefailure: '23.9%', rework: '5%' });
  });
});
