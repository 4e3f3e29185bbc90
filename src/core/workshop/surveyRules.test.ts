import { describe, expect, it } from 'vitest';
import { getSurveyResults } from './getSurveyResults.js';
import { surveyTextMaxLength } from './surveyQuestions.js';
import {
  command,
  eventsOf,
  facilitator,
  inPhase,
  mustApply,
  refusalOf,
  withPeople,
} from './testCheckpoint.js';

const survey = inPhase(withPeople(['ann', 'bob', 'cat']), 'survey');
const submit = (actor: string, answers: Record<string, number | string>) =>
  command('submitSurvey', actor, { answers });

describe('survey', () => {
  it('takes one response per person; empty texts are left out', () => {
    expect(eventsOf(survey, submit('ann', { worthTime: 4 }))).toEqual([
      { type: 'surveyCounted', responses: 1 },
    ]);
    const state = mustApply(
      survey,
      submit('ann', { worthTime: 4, spokeFreely: 5, keep: ' The vote ', change: '  ' }),
    );
    expect(state.survey).toEqual({ ann: { worthTime: 4, spokeFreely: 5, keep: 'The vote' } });
    expect(refusalOf(state, submit('ann', { worthTime: 5 }))).toBe('already-submitted');
  });

  it('refuses unknown questions, ratings out of 1–5, long texts and an empty response', () => {
    expect(refusalOf(survey, submit('ann', { mood: 3 }))).toBe('invalid-value');
    expect(refusalOf(survey, submit('ann', { worthTime: 6 }))).toBe('answer-out-of-range');
    expect(refusalOf(survey, submit('ann', { worthTime: 2.5 }))).toBe('answer-out-of-range');
    expect(refusalOf(survey, submit('ann', { keep: 'x'.repeat(surveyTextMaxLength + 1) }))).toBe(
      'invalid-value',
    );
    expect(refusalOf(survey, submit('ann', { keep: 3 }))).toBe('invalid-value');
    expect(refusalOf(survey, submit('ann', {}))).toBe('invalid-value');
    expect(refusalOf(survey, submit('ann', { keep: ' ' }))).toBe('invalid-value');
    expect(refusalOf(survey, command('submitSurvey', 'ann', { answers: [] as never }))).toBe('invalid-value');
  });

  it('shows results only once the checkpoint is complete: counts, means and texts in alphabetical order', () => {
    const state = mustApply(
      survey,
      submit('ann', { worthTime: 4, keep: 'The vote' }),
      submit('bob', { worthTime: 5, spokeFreely: 3, keep: 'Drawing the flow' }),
      submit('cat', { worthTime: 4, change: 'Shorter' }),
    );
    expect(getSurveyResults(state)).toBeNull();
    const results = getSurveyResults(mustApply(state, command('complete', facilitator, {})));
    expect(results).toEqual({
      responses: 3,
      ratings: [
        {
          id: 'worthTime',
          text: 'Was this checkpoint worth your time?',
          counts: [0, 0, 0, 2, 1].map((count, index) => ({ value: index + 1, count })),
          answered: 3,
          mean: 4.3,
        },
        {
          id: 'spokeFreely',
          text: 'Could you say what you really thought?',
          counts: [0, 0, 1, 0, 0].map((count, index) => ({ value: index + 1, count })),
          answered: 1,
          mean: 3,
        },
      ],
      texts: [
        {
          id: 'keep',
          text: 'What should we keep for the next checkpoint?',
          answers: ['Drawing the flow', 'The vote'],
        },
        { id: 'change', text: 'What would you change next time?', answers: ['Shorter'] },
      ],
    });
  });

  it('withholds results with fewer than three responses unless everyone present responded', () => {
    const two = mustApply(survey, submit('ann', { worthTime: 4 }), submit('bob', { worthTime: 2 }));
    expect(getSurveyResults(mustApply(two, command('complete', facilitator, {})))).toBeNull();
    const small = inPhase(withPeople(['ann'], ['vic']), 'survey');
    const everyone = mustApply(small, submit('ann', { worthTime: 4 }), submit(facilitator, { worthTime: 5 }));
    expect(getSurveyResults(mustApply(everyone, command('complete', facilitator, {})))?.responses).toBe(2);
  });
});
