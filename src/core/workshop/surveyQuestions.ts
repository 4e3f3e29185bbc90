/**
 * The short anonymous survey at the end of a checkpoint, in our words: two ratings (1–5) and two
 * open questions. Answers are only ever shown aggregated.
 */

/** A survey question: a rating from 1 (low) to 5 (high), or a free text. */
export type SurveyQuestion =
  | { id: string; kind: 'rating'; text: string; low: string; high: string }
  | { id: string; kind: 'text'; text: string };

/** Longest text answer accepted, in characters. */
export const surveyTextMaxLength = 1000;

/** The survey questions, in order. */
export const surveyQuestions: readonly SurveyQuestion[] = [
  {
    id: 'worthTime',
    kind: 'rating',
    text: 'Was this checkpoint worth your time?',
    low: 'Not at all',
    high: 'Absolutely',
  },
  {
    id: 'spokeFreely',
    kind: 'rating',
    text: 'Could you say what you really thought?',
    low: 'Not at all',
    high: 'Completely',
  },
  { id: 'keep', kind: 'text', text: 'What should we keep for the next checkpoint?' },
  { id: 'change', kind: 'text', text: 'What would you change next time?' },
];
