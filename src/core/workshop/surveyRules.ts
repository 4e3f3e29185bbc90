/**
 * The survey: each member submits once, answering any of the questions (ratings 1–5, texts). The
 * responses are stored by participant only to refuse a second one; they are shown aggregated.
 */
import { checkText, getOwn } from './checkInput.js';
import type { SurveyResponse } from './checkpointState.js';
import type { CommandRules } from './commandRule.js';
import { surveyQuestions, surveyTextMaxLength } from './surveyQuestions.js';
import { refuse, type WorkshopError } from './workshopError.js';

/** Survey answers cleaned (empty texts left out), or why they were refused. */
export type CheckedSurvey = { ok: true; response: SurveyResponse } | { ok: false; error: WorkshopError };

const refused = (error: WorkshopError): CheckedSurvey => ({ ok: false, error });

/** Checks answers by question id: known questions, ratings 1–5, texts up to the limit, at least one. */
export function checkSurveyAnswers(answers: unknown): CheckedSurvey {
  if (typeof answers !== 'object' || answers === null || Array.isArray(answers)) {
    return refused(refuse('invalid-value', 'answers must be an object of answers by question id'));
  }
  const checked: SurveyResponse = {};
  for (const [id, value] of Object.entries(answers)) {
    const question = surveyQuestions.find((entry) => entry.id === id);
    if (question === undefined) {
      return refused(refuse('invalid-value', `answers.${id} is not a survey question`));
    }
    if (question.kind === 'rating') {
      if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > 5) {
        return refused(refuse('answer-out-of-range', `answers.${id} must be an integer from 1 to 5`));
      }
      checked[id] = value;
    } else if (typeof value !== 'string' || value.trim() !== '') {
      const text = checkText(`answers.${id}`, value, surveyTextMaxLength);
      if (typeof text !== 'string') return refused(text);
      checked[id] = text;
    }
  }
  if (Object.keys(checked).length === 0) {
    return refused(refuse('invalid-value', 'answer at least one question'));
  }
  return { ok: true, response: checked };
}

/** Rules of the survey command. */
export const surveyRules: CommandRules<'submitSurvey'> = {
  submitSurvey: {
    sender: 'member',
    phase: 'survey',
    run(draft, { actorId, answers }) {
      if (getOwn(draft.survey, actorId) !== undefined) {
        return refuse('already-submitted', 'you have already answered the survey');
      }
      const checked = checkSurveyAnswers(answers);
      if (!checked.ok) return checked.error;
      draft.survey[actorId] = checked.response;
      return [{ type: 'surveyCounted', responses: Object.keys(draft.survey).length }];
    },
  },
};
