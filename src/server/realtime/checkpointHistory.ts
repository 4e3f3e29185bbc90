import { type CheckpointState, summarise } from '../../core/workshop/index.js';
import type { TrackedAction } from '../../store/checkpointActions.js';
import type { CheckpointRecord } from '../../store/checkpoints.js';

/** Where a checkpoint stands. */
export type CheckpointStatus = 'live' | 'paused' | 'completed';

/** The status of a checkpoint's state. */
export const statusOf = (state: CheckpointState): CheckpointStatus =>
  state.completedAt !== null ? 'completed' : state.paused !== null ? 'paused' : 'live';

/** The mean of every rating in the survey, to one decimal; null while the results are not shown. */
function surveyMean(state: CheckpointState, summary: ReturnType<typeof summarise>): number | null {
  const ratings = summary.survey?.ratings ?? [];
  const answered = ratings.reduce((total, rating) => total + rating.answered, 0);
  if (state.completedAt === null || answered === 0) return null;
  const sum = ratings.reduce((total, rating) => total + (rating.mean ?? 0) * rating.answered, 0);
  return Math.round((sum / answered) * 10) / 10;
}

/**
 * One line of a squad's history: when, who facilitated, where it got to, the maturity it found, the
 * capabilities to focus on, how many of its actions are done now, and how the participants rated it.
 */
export function historyEntry(
  record: CheckpointRecord,
  state: CheckpointState,
  actions: readonly TrackedAction[],
) {
  const summary = summarise(state);
  const facilitator = state.participants.find((person) => person.id === state.facilitatorId);
  return {
    id: record.id,
    title: record.title,
    squad: record.squad,
    tribe: record.tribe,
    edition: record.edition,
    createdAt: record.createdAt.toISOString(),
    completedAt: state.completedAt,
    date: summary.date,
    facilitator: facilitator?.name ?? null,
    phase: state.phase,
    status: statusOf(state),
    participants: summary.participants,
    maturity: summary.maturity,
    focus: (summary.focus?.ranking ?? []).slice(0, 3),
    actions: {
      done: actions.filter((action) => action.status === 'done').length,
      total: actions.length,
    },
    survey: { responses: summary.survey?.responses ?? 0, mean: surveyMean(state, summary) },
  };
}

/** A line of a squad's history. */
export type HistoryEntry = ReturnType<typeof historyEntry>;
