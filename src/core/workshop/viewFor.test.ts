import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CheckpointState } from './checkpointState.js';
import { generatedMembers, generatedPeople } from './commandArbitrary.js';
import { applyAll, commandSequence, generatedCheckpoint } from './commandSequence.js';
import {
  command,
  facilitator,
  inPhase,
  mustApply,
  objectsOf,
  refusalOf,
  withPeople,
} from './testCheckpoint.js';
import { viewFor, viewsFor } from './viewFor.js';

const viewersToCheck = [...generatedPeople, 'zed:7'];

/** The view without the places where people's ids belong: who is here, and who wrote a sticky note. */
function withoutRoster(view: ReturnType<typeof viewFor>): string {
  const { participants: _p, facilitatorId: _f, you: _y, flow: _flow, ...rest } = view;
  return JSON.stringify(rest);
}

/** Every secret of everyone but `viewerId` changed (same people, same counts), reveals untouched. */
function scrambleOthers(state: CheckpointState, viewerId: string): CheckpointState {
  const next = structuredClone(state);
  for (const [key, item] of Object.entries(next.questions)) {
    if (item.revealed) continue;
    for (const id of Object.keys(item.answers)) {
      if (id === viewerId) continue;
      const value = item.answers[id]!;
      item.answers[id] = key === 'changefailure' || key === 'rework' ? 100 - value : (value % 6) + 1;
    }
  }
  for (const item of Object.values(next.statements)) {
    if (item.revealed) continue;
    for (const id of Object.keys(item.answers)) if (id !== viewerId) item.answers[id] = 6 - item.answers[id]!;
  }
  if (!next.vote.revealed) {
    const notes = next.flow.notes.filter((note) => note.kind === 'improvement').map((note) => note.id);
    for (const [id, ballot] of Object.entries(next.vote.ballots)) {
      if (id === viewerId) continue;
      next.vote.ballots[id] = ballot.map((noteId) => notes[(notes.indexOf(noteId) + 1) % notes.length]!);
    }
  }
  if (next.completedAt === null) {
    for (const [id, response] of Object.entries(next.survey)) {
      if (id === viewerId) continue;
      next.survey[id] = { worthTime: 6 - Number(response.worthTime ?? 3), keep: 'something else' };
    }
  }
  const others = next.participants.filter(
    (person) => person.status === 'joined' && person.role === 'participant' && person.id !== viewerId,
  );
  const raised = others.find((person) => next.welcome.hands.includes(person.id));
  const lowered = others.find((person) => !next.welcome.hands.includes(person.id));
  if (raised !== undefined && lowered !== undefined) {
    next.welcome.hands = next.welcome.hands.map((id) => (id === raised.id ? lowered.id : id));
  }
  return next;
}

describe('viewFor: anonymity, for any sequence of commands', () => {
  it("never shows another participant's id beside an answer, a vote, a hand or a survey response", () => {
    fc.assert(
      fc.property(commandSequence, (commands) => {
        for (const state of applyAll(generatedCheckpoint(), commands)) {
          for (const viewerId of viewersToCheck) {
            const text = withoutRoster(viewFor(state, viewerId));
            for (const other of generatedPeople) {
              if (other !== viewerId) expect(text).not.toContain(other);
            }
          }
        }
      }),
      { numRuns: 25 },
    );
  });

  it("is the same whatever the others' secret answers, votes, hands and survey responses are", () => {
    fc.assert(
      fc.property(commandSequence, (commands) => {
        const states = applyAll(generatedCheckpoint(), commands);
        for (const state of [states[Math.floor(states.length / 2)]!, states.at(-1)!]) {
          for (const viewerId of viewersToCheck) {
            expect(viewFor(scrambleOthers(state, viewerId), viewerId)).toEqual(viewFor(state, viewerId));
          }
        }
      }),
      { numRuns: 60 },
    );
  });

  it('shows a spread only once revealed, and then one that adds up to the answers', () => {
    fc.assert(
      fc.property(commandSequence, (commands) => {
        const state = applyAll(generatedCheckpoint(), commands).at(-1)!;
        const view = viewFor(state, generatedMembers[0]);
        for (const item of [...view.metrics.questions, ...view.capabilities.statements]) {
          expect(item.spread === null).toBe(!item.revealed);
          if (item.spread?.kind === 'option') {
            expect(item.spread.counts.reduce((sum, entry) => sum + entry.count, 0)).toBe(item.answered);
          }
          if (item.spread?.kind === 'percentage') expect(item.spread.values).toHaveLength(item.answered);
          if (item.revealed) expect(item.answered >= 3 || item.answered <= item.expected).toBe(true);
        }
        expect(view.vote.totals === null).toBe(!state.vote.revealed);
        expect(view.survey.results === null || state.completedAt !== null).toBe(true);
      }),
      { numRuns: 60 },
    );
  });
});

describe('viewsFor: everyone at once', () => {
  it('gives each person exactly what viewFor gives them, down to the serialised text', () => {
    fc.assert(
      fc.property(commandSequence, fc.shuffledSubarray(viewersToCheck), (commands, viewers) => {
        for (const state of applyAll(generatedCheckpoint(), commands)) {
          const views = viewsFor(state, viewers);
          expect([...views.keys()]).toEqual(viewers);
          for (const viewerId of viewers) {
            const alone = viewFor(state, viewerId);
            expect(views.get(viewerId)).toEqual(alone);
            expect(JSON.stringify(views.get(viewerId))).toBe(JSON.stringify(alone));
          }
        }
      }),
      { numRuns: 20 },
    );
  });

  it('shares what is common between the views, and never an object of the state', () => {
    fc.assert(
      fc.property(commandSequence, (commands) => {
        const state = applyAll(generatedCheckpoint(), commands).at(-1)!;
        const views = [...viewsFor(state, viewersToCheck).values()];
        const ofState = objectsOf(state);
        for (const view of views) {
          for (const part of objectsOf(view)) expect(ofState.has(part)).toBe(false);
          expect(view.flow).toBe(views[0]!.flow);
          expect(view.participants).toBe(views[0]!.participants);
          expect(view.actions).toBe(views[0]!.actions);
        }
      }),
      { numRuns: 25 },
    );
  });

  it('gives people with nothing of their own the same parts', () => {
    const state = mustApply(
      inPhase(withPeople(['ann', 'bob', 'cat'], ['vic']), 'metrics'),
      command('answerQuestion', 'ann', { questionKey: 'leadtime', value: 2 }),
    );
    const views = viewsFor(state, ['ann', 'bob', 'cat', 'nobody', 'zed']);
    expect(views.get('bob')!.metrics).toBe(views.get('cat')!.metrics);
    expect(views.get('ann')!.metrics).not.toBe(views.get('bob')!.metrics);
    expect(views.get('ann')!.metrics.questions[1]).toBe(views.get('bob')!.metrics.questions[1]);
    expect(views.get('nobody')).toBe(views.get('zed'));
    expect(views.get('nobody')!.you).toBeNull();
  });
});

describe('viewFor: what each person sees', () => {
  const metrics = inPhase(withPeople(['ann', 'bob', 'cat'], ['vic']), 'metrics');

  it('before the reveal: how many answered, and only your own answer', () => {
    const state = mustApply(
      metrics,
      command('answerQuestion', 'ann', { questionKey: 'leadtime', value: 2 }),
      command('answerQuestion', 'bob', { questionKey: 'leadtime', value: 5 }),
    );
    const ann = viewFor(state, 'ann').metrics.questions.find((question) => question.key === 'leadtime')!;
    const cat = viewFor(state, 'cat').metrics.questions.find((question) => question.key === 'leadtime')!;
    expect(ann).toMatchObject({ answered: 2, expected: 4, youAnswered: true, yourAnswer: 2, spread: null });
    expect(cat).toMatchObject({
      answered: 2,
      youAnswered: false,
      yourAnswer: null,
      spread: null,
      canReveal: false,
    });
    expect(JSON.stringify(viewFor(state, 'cat'))).not.toContain('"yourAnswer":5');
  });

  it('after the reveal: counts per option, never who', () => {
    const state = mustApply(
      metrics,
      command('answerQuestion', 'ann', { questionKey: 'leadtime', value: 2 }),
      command('answerQuestion', 'bob', { questionKey: 'leadtime', value: 5 }),
      command('answerQuestion', 'cat', { questionKey: 'leadtime', value: 5 }),
      command('revealQuestion', facilitator, { questionKey: 'leadtime' }),
    );
    const question = viewFor(state, 'vic').metrics.questions.find((entry) => entry.key === 'leadtime')!;
    expect(question.spread).toEqual({
      kind: 'option',
      counts: [1, 2, 3, 4, 5, 6].map((value) => ({ value, count: value === 2 ? 1 : value === 5 ? 2 : 0 })),
    });
    expect(question).toMatchObject({ revealed: true, yourAnswer: null, answered: 3 });
  });

  it('percentages come back sorted, without names', () => {
    const state = mustApply(
      metrics,
      command('answerQuestion', 'ann', { questionKey: 'rework', value: 30 }),
      command('answerQuestion', 'bob', { questionKey: 'rework', value: 5 }),
      command('answerQuestion', 'cat', { questionKey: 'rework', value: 12.5 }),
      command('revealQuestion', facilitator, { questionKey: 'rework' }),
    );
    const question = viewFor(state, 'ann').metrics.questions.find((entry) => entry.key === 'rework')!;
    expect(question.spread).toEqual({ kind: 'percentage', values: [5, 12.5, 30] });
  });

  it('with fewer than three answers, the spread waits for everyone present', () => {
    const two = inPhase(withPeople(['ann'], []), 'metrics');
    const oneAnswer = mustApply(two, command('answerQuestion', 'ann', { questionKey: 'leadtime', value: 3 }));
    expect(refusalOf(oneAnswer, command('revealQuestion', facilitator, { questionKey: 'leadtime' }))).toBe(
      'too-few-answers',
    );
    const both = mustApply(
      oneAnswer,
      command('answerQuestion', facilitator, { questionKey: 'leadtime', value: 4 }),
    );
    expect(viewFor(both, 'ann').metrics.questions[0]!.canReveal).toBe(true);
    const revealed = mustApply(both, command('revealQuestion', facilitator, { questionKey: 'leadtime' }));
    expect(viewFor(revealed, 'ann').metrics.questions[0]!.spread).not.toBeNull();
  });

  it('shows the measured answer beside each question', () => {
    const measured = mustApply(
      metrics,
      command('refreshMeasured', 'system', {
        measured: {
          from: '2024-12-01',
          to: '2025-02-28',
          bands: { leadTimeBand: 4, deploymentFrequencyBand: 5, changeFailureRate: 0.08 },
          figures: [{ measure: 'leadTime', label: 'Lead time (median)', value: '2.5 days' }],
        },
      }),
    );
    const questions = viewFor(measured, 'ann').metrics.questions;
    expect(questions.map((question) => [question.key, question.measured])).toEqual([
      ['leadtime', 4],
      ['deployfreq', 5],
      ['failurerecovery', null],
      ['changefailure', 8],
      ['rework', null],
    ]);
  });

  it('votes: your own and the number cast until the reveal; then totals per note only', () => {
    let state = inPhase(withPeople(['ann', 'bob', 'cat'], ['vic']), 'pathToProduction');
    state = mustApply(
      state,
      command('addNode', 'ann', {
        nodeId: 's1',
        label: 'Build',
        automation: 'automated',
        lane: 'delivery',
        x: 0,
        y: 0,
      }),
      command('addNote', 'ann', { noteId: 'n1', nodeId: 's1', kind: 'improvement', text: 'Cache' }),
      command('addNote', 'bob', { noteId: 'n2', nodeId: 's1', kind: 'improvement', text: 'Split' }),
    );
    state = mustApply(
      inPhase(state, 'vote'),
      command('castVote', 'ann', { noteId: 'n1' }),
      command('castVote', 'ann', { noteId: 'n1' }),
      command('castVote', 'bob', { noteId: 'n2' }),
    );
    expect(viewFor(state, 'ann').vote).toEqual({
      votesPerPerson: 3,
      maxPerNote: 2,
      revealed: false,
      totalCast: 3,
      yourVotes: [{ noteId: 'n1', votes: 2 }],
      yourRemaining: 1,
      totals: null,
    });
    expect(viewFor(state, 'vic').vote.yourVotes).toEqual([]);
    const revealed = mustApply(state, command('revealVotes', facilitator, {}));
    expect(viewFor(revealed, 'cat').vote.totals).toEqual([
      { noteId: 'n1', votes: 2 },
      { noteId: 'n2', votes: 1 },
    ]);
  });

  it('hands: how many are up and whether yours is', () => {
    const state = mustApply(withPeople(), command('raiseHand', 'ann', {}), command('raiseHand', 'bob', {}));
    expect(viewFor(state, 'bob').welcome).toMatchObject({
      handsRaised: 2,
      expected: 4,
      yourHandRaised: true,
      everyoneAgreed: false,
    });
    expect(viewFor(state, 'cat').welcome.yourHandRaised).toBe(false);
  });

  it('people: names and roles, without those removed; you are null for strangers', () => {
    const state = mustApply(
      withPeople(),
      command('removeParticipant', facilitator, { participantId: 'cat' }),
    );
    const view = viewFor(state, 'vic');
    expect(view.participants.map((person) => [person.id, person.role, person.status])).toEqual([
      ['fac', 'facilitator', 'joined'],
      ['ann', 'participant', 'joined'],
      ['bob', 'participant', 'joined'],
      ['vic', 'viewer', 'joined'],
    ]);
    expect(view.you).toEqual({ id: 'vic', name: 'Name of vic', role: 'viewer', canTakePart: false });
    expect(viewFor(state, 'cat').you).toBeNull();
    expect(viewFor(state, 'nobody').you).toBeNull();
  });
});
