import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { editionIds } from './quickCheckEdition.js';
import { getEdition } from './quickCheckEditions.js';
import { validateAnswers } from './validateAnswers.js';

const keysOf = (id: (typeof editionIds)[number]) => getEdition(id).questions.map((question) => question.key);

describe('validateAnswers', () => {
  it('asks each edition for its answer keys', () => {
    expect(keysOf('2019')).toEqual(['leadtime', 'deployfreq', 'ttr', 'chgfail']);
    expect(keysOf('2021')).toEqual(['leadtime', 'deployfreq', 'ttr', 'chgfail']);
    expect(keysOf('2022')).toEqual(['leadtime', 'deployfreq', 'ttr', 'chgfail']);
    expect(keysOf('2023')).toEqual(['leadtime', 'deployfreq', 'failurerecovery', 'changefailure']);
    expect(keysOf('2024')).toEqual(['leadtime', 'deployfreq', 'failurerecovery', 'changefailure']);
    expect(keysOf('2025')).toEqual(['leadtime', 'deployfreq', 'failurerecovery', 'changefailure', 'rework']);
  });

  it.each(editionIds)('accepts the extremes of every range (%s)', (id) => {
    const edition = getEdition(id);
    const low = Object.fromEntries(edition.questions.map((q) => [q.key, q.kind === 'option' ? 1 : 0]));
    const high = Object.fromEntries(edition.questions.map((q) => [q.key, q.kind === 'option' ? 6 : 100]));
    expect(validateAnswers(edition, low)).toEqual({ ok: true, value: low });
    expect(validateAnswers(edition, high)).toEqual({ ok: true, value: high });
  });

  it.each(editionIds)('names the key and the allowed values of each bad answer (%s)', (id) => {
    const edition = getEdition(id);
    const bad = Object.fromEntries(edition.questions.map((q) => [q.key, q.kind === 'option' ? 0 : 101]));
    const outcome = validateAnswers(edition, bad);
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    for (const question of edition.questions) {
      const problem = outcome.problems.find((p) => p.field === `answers.${question.key}`);
      expect(problem?.code).toBe('invalid-answer');
      expect(problem?.message).toBe(
        question.kind === 'option' ? 'must be an integer from 1 to 6' : 'must be a number from 0 to 100',
      );
    }
  });

  it('rejects fractions for option questions but accepts them for percentages', () => {
    const edition = getEdition('2023');
    const outcome = validateAnswers(edition, {
      leadtime: 2.5,
      deployfreq: '3',
      failurerecovery: 3,
      changefailure: 12.5,
    });
    expect(outcome.ok ? [] : outcome.problems.map((p) => p.field)).toEqual([
      'answers.leadtime',
      'answers.deployfreq',
    ]);
  });

  it('reports missing answers, keys of other editions and a non-object', () => {
    const outcome = validateAnswers(getEdition('2019'), {
      leadtime: 3,
      deployfreq: 3,
      ttr: 3,
      changefailure: 10,
    });
    expect(outcome.ok ? [] : outcome.problems).toEqual([
      {
        code: 'missing-answer',
        field: 'answers.chgfail',
        message: 'is required: must be an integer from 1 to 6',
        allowed: 'an integer from 1 to 6',
      },
      {
        code: 'unknown-answer',
        field: 'answers.changefailure',
        message: 'is not a question of the 2019 edition: expected one of leadtime, deployfreq, ttr, chgfail',
        allowed: 'leadtime, deployfreq, ttr, chgfail',
      },
    ]);
    const notObject = validateAnswers(getEdition('2025'), [1, 2, 3]);
    expect(notObject.ok ? null : notObject.problems[0]?.field).toBe('answers');
  });

  it('never accepts a value outside the ranges', () => {
    const edition = getEdition('2025');
    fc.assert(
      fc.property(fc.oneof(fc.double(), fc.integer(), fc.string(), fc.constant(null)), (value) => {
        const answers = {
          leadtime: value,
          deployfreq: 3,
          failurerecovery: 3,
          changefailure: value,
          rework: 5,
        };
        const outcome = validateAnswers(edition, answers);
        if (outcome.ok) {
          expect(Number.isInteger(value) && (value as number) >= 1 && (value as number) <= 6).toBe(true);
        }
      }),
    );
  });
});
