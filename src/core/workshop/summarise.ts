/**
 * The summary of a checkpoint, derived from its state and safe to share: the agreed answers and the
 * maturity they give, the focus capabilities, the flow, the improvements with most votes (once
 * revealed), the actions, and the survey aggregated. No individual answer or vote is in it.
 */
import {
  answersFromMeasuredBands,
  type CapabilitySlug,
  getCapability,
  getEdition,
  type Tier,
} from '../assessment/index.js';
import type {
  ActionStatus,
  Automation,
  CheckpointState,
  FlowNode,
  MeasuredKeys,
  PreviousAction,
} from './checkpointState.js';
import { getPrioritisation, listAssessedCapabilities } from './getPrioritisation.js';
import { getQuickCheckResult } from './getQuickCheckResult.js';
import { getSurveyResults, type SurveyResults } from './getSurveyResults.js';
import { orderFlow } from './orderFlow.js';

/** Most improvements the summary lists. */
export const topImprovementCount = 5;

/** Where the squad stands, as its edition measures it. */
export type Maturity =
  | { method: 'tier'; tier: Tier; percentile: number; average: number }
  | { method: 'percentile'; percentile: number; average: number }
  | {
      method: 'score';
      overall: string;
      throughput: string;
      stability: string;
      metrics: { key: string; title: string; score: string }[];
    };

/** An agreed answer, with the option's label and what the measurements say. */
export interface AnswerSummary {
  key: string;
  title: string;
  agreed: number | null;
  agreedLabel: string | null;
  measured: number | null;
  measuredLabel: string | null;
}

/** A step of the flow with its notes. */
export interface StepSummary {
  id: string;
  label: string;
  automation: Automation;
  waitMinutes: number | null;
  failedDeployments: string[];
  improvements: string[];
}

/** A capability in the ranking (score on the edition's scale). */
export interface FocusCapability {
  slug: CapabilitySlug;
  name: string;
  rank: number;
  score: string;
  keyFocus: boolean;
}

/** The summary of a checkpoint. */
export interface CheckpointSummary {
  checkpointId: string;
  squad: string;
  tribe: string;
  editionTitle: string;
  /** When it was completed, or last changed if not yet complete. */
  date: string;
  completed: boolean;
  /** People who took part (viewers and anyone removed not counted; those who left early are). */
  participants: number;
  principles: string[];
  measured: MeasuredKeys | null;
  previousActions: PreviousAction[];
  answers: AnswerSummary[];
  maturity: Maturity | null;
  /** Capabilities ranked lowest score first, or null until every statement is revealed. */
  focus: { scaleMax: number; ranking: FocusCapability[] } | null;
  assessedCapabilities: { slug: CapabilitySlug; name: string }[];
  flow: { delivery: StepSummary[]; recovery: StepSummary[] };
  /** Improvements with votes, most first; null until the votes are revealed. */
  topImprovements: { noteId: string; text: string; step: string; votes: number }[] | null;
  actions: {
    id: string;
    title: string;
    owner: string;
    due: string | null;
    capability: string | null;
    improvement: string | null;
    status: ActionStatus;
  }[];
  survey: SurveyResults | null;
}

function labelOf(state: CheckpointState, key: string, value: number | null): string | null {
  const question = getEdition(state.edition).questions.find((entry) => entry.key === key);
  if (question === undefined || value === null) return null;
  if (question.kind === 'percentage') return `${value}%`;
  return question.options.find((option) => option.value === value)?.label ?? null;
}

function maturityOf(state: CheckpointState): Maturity | null {
  const result = getQuickCheckResult(state);
  if (result === null) return null;
  if (result.method === 'tier') {
    return { method: 'tier', tier: result.tier, percentile: result.percentile, average: result.average };
  }
  if (result.method === 'percentile') {
    return { method: 'percentile', percentile: result.percentile, average: result.average };
  }
  return {
    method: 'score',
    overall: result.scores.overall.display,
    throughput: result.scores.throughput.display,
    stability: result.scores.stability.display,
    metrics: result.scores.metrics.map((metric) => ({
      key: metric.key,
      title: metric.title,
      score: metric.score.display,
    })),
  };
}

function stepOf(state: CheckpointState, node: FlowNode): StepSummary {
  const notes = state.flow.notes.filter((note) => note.nodeId === node.id);
  return {
    id: node.id,
    label: node.label,
    automation: node.automation,
    waitMinutes: node.waitMinutes,
    failedDeployments: notes.filter((note) => note.kind === 'failedDeployment').map((note) => note.text),
    improvements: notes.filter((note) => note.kind === 'improvement').map((note) => note.text),
  };
}

function topImprovements(state: CheckpointState, order: readonly FlowNode[]) {
  if (!state.vote.revealed) return null;
  const votes = Object.values(state.vote.ballots).flat();
  const position = (nodeId: string) => order.findIndex((node) => node.id === nodeId);
  return state.flow.notes
    .filter((note) => note.kind === 'improvement')
    .map((note) => ({
      noteId: note.id,
      text: note.text,
      step: state.flow.nodes.find((node) => node.id === note.nodeId)?.label ?? '',
      votes: votes.filter((noteId) => noteId === note.id).length,
      position: position(note.nodeId),
    }))
    .filter((entry) => entry.votes > 0)
    .sort((a, b) => b.votes - a.votes || a.position - b.position)
    .slice(0, topImprovementCount)
    .map(({ position: _position, ...entry }) => entry);
}

/** The summary of the checkpoint as it stands. */
export function summarise(state: CheckpointState): CheckpointSummary {
  const measured =
    state.scene.measured === null
      ? null
      : answersFromMeasuredBands(state.edition, state.scene.measured.bands);
  const measuredAnswers = (measured?.answers ?? {}) as Readonly<Record<string, number | undefined>>;
  const flow = orderFlow(state.flow);
  const ranking = getPrioritisation(state).prioritisation;
  return {
    checkpointId: state.id,
    squad: state.squad,
    tribe: state.tribe,
    editionTitle: getEdition(state.edition).title,
    date: state.completedAt ?? state.updatedAt,
    completed: state.completedAt !== null,
    participants: state.participants.filter(
      (person) => person.role === 'participant' && person.status !== 'removed',
    ).length,
    principles: state.welcome.principles.map((principle) => principle.text),
    measured: structuredClone(state.scene.measured),
    previousActions: structuredClone(state.scene.previousActions),
    answers: getEdition(state.edition).questions.map((question) => {
      const agreed = state.questions[question.key]?.agreed ?? null;
      const fromData = measuredAnswers[question.key] ?? null;
      return {
        key: question.key,
        title: question.title,
        agreed,
        agreedLabel: labelOf(state, question.key, agreed),
        measured: fromData,
        measuredLabel: labelOf(state, question.key, fromData),
      };
    }),
    maturity: maturityOf(state),
    focus:
      ranking === null
        ? null
        : {
            scaleMax: ranking.scale.max,
            ranking: ranking.ranking.map((entry) => ({
              slug: entry.slug,
              name: entry.name,
              rank: entry.rank,
              score: entry.score.display,
              keyFocus: entry.keyFocus,
            })),
          },
    assessedCapabilities: listAssessedCapabilities(state).map(({ slug }) => ({
      slug,
      name: getCapability(slug).name,
    })),
    flow: {
      delivery: flow.delivery.map((node) => stepOf(state, node)),
      recovery: flow.recovery.map((node) => stepOf(state, node)),
    },
    topImprovements: topImprovements(state, [...flow.delivery, ...flow.recovery]),
    actions: state.actions.map((action) => ({
      id: action.id,
      title: action.title,
      owner: action.owner,
      due: action.due,
      capability: action.capability === null ? null : getCapability(action.capability).name,
      improvement: state.flow.notes.find((note) => note.id === action.noteId)?.text ?? null,
      status: action.status,
    })),
    survey: getSurveyResults(state),
  };
}
