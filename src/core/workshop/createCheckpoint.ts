/**
 * Creates the state of a new checkpoint: the facilitator has joined, the default principles are on
 * the board, every question of the edition is unanswered and the phase is `welcome`.
 */
import { type EditionId, getEdition, type IndustryKey, isEditionId } from '../assessment/index.js';
import type { CheckpointState, MeasuredKeys, PreviousAction } from './checkpointState.js';
import { defaultPrinciples } from './defaultPrinciples.js';

/** What the server knows when it creates a checkpoint. */
export interface CreateCheckpointInput {
  id: string;
  squad: string;
  tribe: string;
  edition: EditionId;
  facilitatorId: string;
  facilitatorName: string;
  /** ISO 8601. */
  at: string;
  /** Benchmarks to compare the result with; default `all`. */
  industry?: IndustryKey | undefined;
  measured?: MeasuredKeys | null | undefined;
  previousActions?: readonly PreviousAction[] | undefined;
}

/** Default number of dots each person may spend. */
export const defaultVotesPerPerson = 3;
/** The most dots one person may put on one note. */
export const maxVotesPerNote = 2;

/**
 * The state of a new checkpoint (version 0). Throws on input the boundary should have refused (an
 * unknown edition): a bug, not an expected outcome.
 */
export function createCheckpoint(input: CreateCheckpointInput): CheckpointState {
  if (!isEditionId(input.edition)) throw new RangeError(`unknown edition ${String(input.edition)}`);
  const questions = Object.fromEntries(
    getEdition(input.edition).questions.map((question) => [
      question.key,
      { answers: {}, revealed: false, agreed: null },
    ]),
  );
  return {
    id: input.id,
    squad: input.squad,
    tribe: input.tribe,
    edition: input.edition,
    industry: input.industry ?? 'all',
    createdAt: input.at,
    updatedAt: input.at,
    version: 0,
    phase: 'welcome',
    paused: null,
    completedAt: null,
    facilitatorId: input.facilitatorId,
    participants: [
      {
        id: input.facilitatorId,
        name: input.facilitatorName,
        role: 'participant',
        status: 'joined',
        joinedAt: input.at,
      },
    ],
    timers: {},
    welcome: {
      principles: defaultPrinciples.map((text, index) => ({ id: `principle-${index + 1}`, text })),
      hands: [],
    },
    scene: {
      measured: input.measured ?? null,
      previousActions: (input.previousActions ?? []).map((action) => ({ ...action })),
    },
    questions,
    addedCapabilities: [],
    statements: {},
    flow: { nodes: [], edges: [], notes: [] },
    vote: {
      votesPerPerson: defaultVotesPerPerson,
      maxPerNote: maxVotesPerNote,
      revealed: false,
      ballots: {},
    },
    actions: [],
    survey: {},
  };
}
