/**
 * Turns measured bands and rates (from the metrics engine) into Quick Check answers of an edition,
 * so that self-assessed and measured results can be scored alike. A measure without data leaves its
 * answer missing and says so; nothing is guessed. Percentage questions take rate × 100; 1–6 change
 * fail questions take the band (or, failing that, the band of the rate: 6 up to 15 %, 5 up to 30 % …);
 * time to restore (2019–2022) falls back to recovery time, recovery time (2023 on) to time to restore.
 */
import { changeFailBandForRate } from './answerOptions.js';
import type { AnswerKey, AnswersFor, EditionId } from './quickCheckEdition.js';
import { getEdition } from './quickCheckEditions.js';

/** What was measured: bands are Quick Check answers 1–6, rates are fractions 0–1; null = no data. */
export interface MeasuredBands {
  deploymentFrequencyBand?: number | null | undefined;
  leadTimeBand?: number | null | undefined;
  timeToRestoreBand?: number | null | undefined;
  recoveryTimeBand?: number | null | undefined;
  /** Failed share of deployments, 0–1. */
  changeFailureRate?: number | null | undefined;
  changeFailureBand?: number | null | undefined;
  /** Unplanned share of deployments, 0–1. */
  reworkRate?: number | null | undefined;
}

type MeasureName = keyof MeasuredBands;

/** An answer that the measurements cannot give, and why. */
export interface MissingAnswer {
  key: AnswerKey;
  /** The measurements that could have given it, in order of preference. */
  needs: MeasureName[];
  reason: string;
}

/** The answers the measurements give, which measurement each came from, and what is missing. */
export interface MeasuredAnswers<E extends EditionId = EditionId> {
  edition: E;
  answers: Partial<AnswersFor<E>>;
  /** For each answer given, the measurement it was taken from. */
  takenFrom: Partial<Record<AnswerKey, MeasureName>>;
  missing: MissingAnswer[];
  /** True when every question of the edition has an answer. */
  complete: boolean;
}

type Reading = { ok: true; value: number } | { ok: false; problem: string | null };

const isBand = (value: number): boolean => Number.isInteger(value) && value >= 1 && value <= 6;
const isRate = (value: number): boolean => Number.isFinite(value) && value >= 0 && value <= 1;
const asPercent = (rate: number): number => Number((rate * 100).toPrecision(12));

function readBand(measured: MeasuredBands, name: MeasureName): Reading {
  const value = measured[name];
  if (value === undefined || value === null) return { ok: false, problem: null };
  return isBand(value)
    ? { ok: true, value }
    : { ok: false, problem: `${name} ${value} is not a band from 1 to 6` };
}

function readRate(measured: MeasuredBands, name: MeasureName, convert: (rate: number) => number): Reading {
  const value = measured[name];
  if (value === undefined || value === null) return { ok: false, problem: null };
  return isRate(value)
    ? { ok: true, value: convert(value) }
    : { ok: false, problem: `${name} ${value} is not a rate from 0 to 1` };
}

type Source = { name: MeasureName; read: (measured: MeasuredBands) => Reading };

const band = (name: MeasureName): Source => ({ name, read: (measured) => readBand(measured, name) });
const percent = (name: MeasureName): Source => ({
  name,
  read: (measured) => readRate(measured, name, asPercent),
});

/** Where each answer may come from, in order of preference. */
const sourcesByKey: Readonly<Record<AnswerKey, readonly Source[]>> = {
  leadtime: [band('leadTimeBand')],
  deployfreq: [band('deploymentFrequencyBand')],
  ttr: [band('timeToRestoreBand'), band('recoveryTimeBand')],
  failurerecovery: [band('recoveryTimeBand'), band('timeToRestoreBand')],
  chgfail: [
    band('changeFailureBand'),
    {
      name: 'changeFailureRate',
      read: (measured) => readRate(measured, 'changeFailureRate', changeFailBandForRate),
    },
  ],
  changefailure: [percent('changeFailureRate')],
  rework: [percent('reworkRate')],
};

/** The Quick Check answers of `edition` that the measurements give, naming each missing one. */
export function answersFromMeasuredBands<E extends EditionId>(
  edition: E,
  measured: MeasuredBands,
): MeasuredAnswers<E> {
  const answers: Partial<Record<AnswerKey, number>> = {};
  const takenFrom: Partial<Record<AnswerKey, MeasureName>> = {};
  const missing: MissingAnswer[] = [];
  for (const question of getEdition(edition).questions) {
    const sources = sourcesByKey[question.key];
    const problems: string[] = [];
    for (const source of sources) {
      const reading = source.read(measured);
      if (reading.ok) {
        answers[question.key] = reading.value;
        takenFrom[question.key] = source.name;
        break;
      }
      if (reading.problem !== null) problems.push(reading.problem);
    }
    if (takenFrom[question.key] !== undefined) continue;
    const needs = sources.map((source) => source.name);
    const reason =
      problems.length > 0
        ? `no usable measurement: ${problems.join('; ')}`
        : `no data for ${needs.join(' or ')}`;
    missing.push({ key: question.key, needs, reason });
  }
  return {
    edition,
    answers: answers as Partial<AnswersFor<E>>,
    takenFrom,
    missing,
    complete: missing.length === 0,
  };
}
