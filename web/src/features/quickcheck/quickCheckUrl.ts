/**
 * A Quick Check result lives entirely in its address: the edition, the comparison and the answers
 * (/quickcheck/result?edition=2019&industry=technology&leadtime=6&…). Nothing is stored, and the link
 * opened anywhere shows the same result.
 */

import {
  currentEditionId,
  type EditionId,
  isEditionId,
} from '../../../../src/core/assessment/quickCheckEdition.js';
import { getEdition } from '../../../../src/core/assessment/quickCheckEditions.js';

export interface QuickCheckInput {
  edition: EditionId;
  industry: string;
  organisationSize: string | undefined;
  answers: Record<string, number>;
}

/** Reads what the address holds; answers that are not numbers are left out (and reported missing). */
export function readInput(search: URLSearchParams): QuickCheckInput {
  const raw = search.get('edition') ?? '';
  const edition = isEditionId(raw) ? raw : currentEditionId;
  const answers: Record<string, number> = {};
  for (const question of getEdition(edition).questions) {
    const value = search.get(question.key);
    if (value !== null && value.trim() !== '' && Number.isFinite(Number(value)))
      answers[question.key] = Number(value);
  }
  return {
    edition,
    industry: search.get('industry') || 'all',
    organisationSize: search.get('size') || undefined,
    answers,
  };
}

/** The query string of an input, answers in the edition's question order. */
export function inputSearch(input: QuickCheckInput): string {
  const search = new URLSearchParams({ edition: input.edition });
  if (input.industry !== 'all') search.set('industry', input.industry);
  if (input.organisationSize && input.organisationSize !== 'all') search.set('size', input.organisationSize);
  for (const question of getEdition(input.edition).questions) {
    const value = input.answers[question.key];
    if (value !== undefined) search.set(question.key, String(value));
  }
  return search.toString();
}

/** The comparison options of an input, as the scoring takes them. */
export function optionsOf(input: QuickCheckInput) {
  return {
    industry: input.industry,
    ...(input.organisationSize && input.organisationSize !== 'all'
      ? { organisationSize: input.organisationSize }
      : {}),
  };
}
