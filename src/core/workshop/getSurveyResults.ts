/**
 * The survey, aggregated: for each rating the counts per value and the mean, for each open question
 * the texts in alphabetical order (so their order says nothing of who wrote them). Shown only once the
 * checkpoint is complete, so no one can match a change in the results to a person submitting, and
 * only with three responses or a response from everyone present.
 */
import type { CheckpointState } from './checkpointState.js';
import { isEveryoneAnswered, minimumAnswersToReveal } from './listAnswerers.js';
import { surveyQuestions } from './surveyQuestions.js';

/** A rating question's results. */
export interface RatingResult {
  id: string;
  text: string;
  /** Counts of 1 … 5. */
  counts: { value: number; count: number }[];
  answered: number;
  /** Mean of the answers, to one decimal; null when nobody answered. */
  mean: number | null;
}

/** An open question's answers, without authors. */
export interface TextResult {
  id: string;
  text: string;
  answers: string[];
}

/** The aggregated survey. */
export interface SurveyResults {
  responses: number;
  ratings: RatingResult[];
  texts: TextResult[];
}

/** The aggregated survey, or null while it may not be shown. */
export function getSurveyResults(state: CheckpointState): SurveyResults | null {
  const responses = Object.values(state.survey);
  const enough = responses.length >= minimumAnswersToReveal || isEveryoneAnswered(state, state.survey);
  if (state.completedAt === null || responses.length === 0 || !enough) return null;
  const ratings: RatingResult[] = [];
  const texts: TextResult[] = [];
  for (const question of surveyQuestions) {
    const given = responses.map((response) => response[question.id]).filter((value) => value !== undefined);
    if (question.kind === 'rating') {
      const values = given.filter((value): value is number => typeof value === 'number');
      const sum = values.reduce((total, value) => total + value, 0);
      ratings.push({
        id: question.id,
        text: question.text,
        counts: [1, 2, 3, 4, 5].map((value) => ({
          value,
          count: values.filter((entry) => entry === value).length,
        })),
        answered: values.length,
        mean: values.length === 0 ? null : Math.round((sum / values.length) * 10) / 10,
      });
    } else {
      const answers = given.filter((value): value is string => typeof value === 'string');
      texts.push({ id: question.id, text: question.text, answers: answers.sort(compareText) });
    }
  }
  return { responses: responses.length, ratings, texts };
}

function compareText(a: string, b: string): number {
  if (a === b) return 0;
  return a < b ? -1 : 1;
}
