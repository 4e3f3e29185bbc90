/**
 * The summary of a checkpoint, derived from its state and safe to share: the agreed answers and the
 * maturity they give, the focus capabilities, the flow, the improvements with most votes (once
 * revealed), the actions, and the survey aggregated. No individual answer or vote is in it.
 */
import {
  type CapabilitySlug,
  type EditionId,
  getCapability,
  getEdition,
  type QuickCheckResult,
  type Tier,
} from '../assessment/index.js';
import { systemActorId } from './checkpointCommand.js';
import type {
  ActionStatus,
  Automation,
  CheckpointState,
  FlowNode,
  FlowState,
  MeasuredKeys,
  PreviousAction,
} from './checkpointState.js';
import type { CheckpointView } from './checkpointView.js';
import type { SurveyResults } from './getSurveyResults.js';
import { orderFlow } from './orderFlow.js';
import { viewFor } from './viewFor.js';

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

function labelOf(edition: EditionId, key: string, value: number | null): string | null {
  const question = getEdition(edition).questions.find((entry) => entry.key === key);
  if (question === undefined || value === null) return null;
  // Measured rates carry many decimals; one is what a person reads.
  if (question.kind === 'percentage') return `${Math.round(value * 10) / 10}%`;
  return question.options.find((option) => option.value === value)?.label ?? null;
}

function maturityOf(result: QuickCheckResult | null): Maturity | null {
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

function stepOf(flow: FlowState, node: FlowNode): StepSummary {
  const notes = flow.notes.filter((note) => note.nodeId === node.id);
  return {
    id: node.id,
    label: node.label,
    automation: node.automation,
    waitMinutes: node.waitMinutes,
    failedDeployments: notes.filter((note) => note.kind === 'failedDeployment').map((note) => note.text),
    improvements: notes.filter((note) => note.kind === 'improvement').map((note) => note.text),
  };
}

function topImprovements(view: CheckpointView, order: readonly FlowNode[]) {
  if (view.vote.totals === null) return null;
  const position = (nodeId: string) => order.findIndex((node) => node.id === nodeId);
  return view.vote.totals
    .flatMap(({ noteId, votes }) => {
      const note = view.flow.notes.find((entry) => entry.id === noteId);
      if (note === undefined || votes === 0) return [];
      const step = view.flow.nodes.find((node) => node.id === note.nodeId)?.label ?? '';
      return [{ noteId, text: note.text, step, votes, position: position(note.nodeId) }];
    })
    .sort((a, b) => b.votes - a.votes || a.position - b.position)
    .slice(0, topImprovementCount)
    .map(({ position: _position, ...entry }) => entry);
}

/**
 * The summary of what one person may see of a checkpoint. Everything in it is shared by the whole
 * room (agreed answers, spreads' outcomes, revealed totals, aggregated survey), so it is the same
 * whoever's view it is made from; the browser builds the live summary this way.
 */
export function summariseView(view: CheckpointView): CheckpointSummary {
  const flow = orderFlow(view.flow);
  const ranking = view.capabilities.prioritisation;
  return {
    checkpointId: view.id,
    squad: view.squad,
    tribe: view.tribe,
    editionTitle: getEdition(view.edition).title,
    date: view.completedAt ?? view.updatedAt,
    completed: view.completedAt !== null,
    participants: view.participants.filter((person) => person.role !== 'viewer').length,
    principles: view.welcome.principles.map((principle) => principle.text),
    measured: structuredClone(view.scene.measured),
    previousActions: structuredClone(view.scene.previousActions),
    answers: view.metrics.questions.map((question) => ({
      key: question.key,
      title: getEdition(view.edition).questions.find((entry) => entry.key === question.key)?.title ?? '',
      agreed: question.agreed,
      agreedLabel: labelOf(view.edition, question.key, question.agreed),
      measured: question.measured,
      measuredLabel: labelOf(view.edition, question.key, question.measured),
    })),
    maturity: maturityOf(view.metrics.result),
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
    assessedCapabilities: view.capabilities.assessed.map(({ slug }) => ({
      slug,
      name: getCapability(slug).name,
    })),
    flow: {
      delivery: flow.delivery.map((node) => stepOf(view.flow, node)),
      recovery: flow.recovery.map((node) => stepOf(view.flow, node)),
    },
    topImprovements: topImprovements(view, [...flow.delivery, ...flow.recovery]),
    actions: view.actions.map((action) => ({
      id: action.id,
      title: action.title,
      owner: action.owner,
      due: action.due,
      capability: action.capability === null ? null : getCapability(action.capability).name,
      improvement: view.flow.notes.find((note) => note.id === action.noteId)?.text ?? null,
      status: action.status,
    })),
    survey: structuredClone(view.survey.results),
  };
}

/** The summary of the checkpoint as it stands: that of the view of someone outside it. */
export function summarise(state: CheckpointState): CheckpointSummary {
  return summariseView(viewFor(state, systemActorId));
}
