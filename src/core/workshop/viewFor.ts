/**
 * Builds what one person may see (`CheckpointView`) from the raw state. The server broadcasts these,
 * never the state. Every individual answer passes through `viewPrivateItem`, which hands out only
 * counts and the viewer's own answer, and after the reveal only the spread.
 */
import { answersFromMeasuredBands, getEdition, listStatements, type Question } from '../assessment/index.js';
import { getOwn } from './checkInput.js';
import type { CheckpointState, PrivateAnswers } from './checkpointState.js';
import type {
  CheckpointView,
  ParticipantView,
  PrivateItemView,
  QuestionView,
  Spread,
  StatementView,
  ViewRole,
  VoteView,
} from './checkpointView.js';
import { getPrioritisation, listAssessedCapabilities } from './getPrioritisation.js';
import { getQuickCheckResult, listUnagreedQuestions } from './getQuickCheckResult.js';
import { getSurveyResults } from './getSurveyResults.js';
import { canReveal, findParticipant, listAnswerers } from './listAnswerers.js';
import { isPrinciplesAgreed } from './openingRules.js';
import { countVotesCast } from './voteRules.js';

const byNumber = (a: number, b: number) => a - b;

function optionSpread(values: readonly number[], options: readonly number[]): Spread {
  return {
    kind: 'option',
    counts: options.map((value) => ({ value, count: values.filter((entry) => entry === value).length })),
  };
}

function spreadFor(question: Question | null, values: readonly number[]): Spread {
  if (question === null) return optionSpread(values, [1, 2, 3, 4, 5]);
  if (question.kind === 'option')
    return optionSpread(
      values,
      question.options.map((option) => option.value),
    );
  return { kind: 'percentage', values: [...values].sort(byNumber) };
}

/** The view of one privately answered item: counts and the viewer's own answer; the spread once revealed. */
export function viewPrivateItem(
  state: CheckpointState,
  item: PrivateAnswers<number> | undefined,
  viewerId: string | null,
  question: Question | null,
): PrivateItemView {
  const answers = item?.answers ?? {};
  const own = viewerId === null ? undefined : getOwn(answers, viewerId);
  const revealed = item?.revealed === true;
  return {
    answered: Object.keys(answers).length,
    expected: listAnswerers(state).length,
    youAnswered: own !== undefined,
    yourAnswer: own ?? null,
    revealed,
    canReveal: item !== undefined && !revealed && canReveal(state, item),
    spread: revealed ? spreadFor(question, Object.values(answers)) : null,
  };
}

function viewRole(state: CheckpointState, id: string, role: 'participant' | 'viewer'): ViewRole {
  return id === state.facilitatorId ? 'facilitator' : role;
}

function viewQuestions(state: CheckpointState, viewerId: string | null): QuestionView[] {
  const measured =
    state.scene.measured === null
      ? null
      : answersFromMeasuredBands(state.edition, state.scene.measured.bands);
  const measuredAnswers = (measured?.answers ?? {}) as Readonly<Record<string, number | undefined>>;
  return getEdition(state.edition).questions.map((question) => {
    const item = getOwn(state.questions, question.key);
    return {
      key: question.key,
      ...viewPrivateItem(state, item, viewerId, question),
      agreed: item?.agreed ?? null,
      measured: measuredAnswers[question.key] ?? null,
    };
  });
}

function viewStatements(state: CheckpointState, viewerId: string | null): StatementView[] {
  return listAssessedCapabilities(state).flatMap(({ slug }) =>
    listStatements(slug).map((statement) => ({
      id: statement.id,
      capability: slug,
      ...viewPrivateItem(state, getOwn(state.statements, statement.id), viewerId, null),
    })),
  );
}

function viewVote(state: CheckpointState, viewerId: string | null): VoteView {
  const ballot = viewerId === null ? [] : (getOwn(state.vote.ballots, viewerId) ?? []);
  const tally = (votes: readonly string[], noteId: string) =>
    votes.filter((entry) => entry === noteId).length;
  const improvements = state.flow.notes.filter((note) => note.kind === 'improvement').map((note) => note.id);
  const all = Object.values(state.vote.ballots).flat();
  return {
    votesPerPerson: state.vote.votesPerPerson,
    maxPerNote: state.vote.maxPerNote,
    revealed: state.vote.revealed,
    totalCast: countVotesCast(state),
    yourVotes: [...new Set(ballot)].map((noteId) => ({ noteId, votes: tally(ballot, noteId) })),
    yourRemaining: Math.max(0, state.vote.votesPerPerson - ballot.length),
    totals: state.vote.revealed
      ? improvements
          .map((noteId) => ({ noteId, votes: tally(all, noteId) }))
          .sort((a, b) => b.votes - a.votes)
      : null,
  };
}

/** The checkpoint as `participantId` may see it (an unknown or removed id sees nothing of their own). */
export function viewFor(state: CheckpointState, participantId: string): CheckpointView {
  const viewer = findParticipant(state, participantId);
  const viewerId = viewer !== undefined && viewer.status !== 'removed' ? viewer.id : null;
  const participants: ParticipantView[] = state.participants.flatMap((participant) =>
    participant.status === 'removed'
      ? []
      : [
          {
            id: participant.id,
            name: participant.name,
            role: viewRole(state, participant.id, participant.role),
            status: participant.status,
          },
        ],
  );
  const squad = getPrioritisation(state);
  return {
    id: state.id,
    squad: state.squad,
    tribe: state.tribe,
    edition: state.edition,
    industry: state.industry,
    version: state.version,
    updatedAt: state.updatedAt,
    phase: state.phase,
    paused: state.paused === null ? null : { ...state.paused },
    completedAt: state.completedAt,
    timers: structuredClone(state.timers),
    facilitatorId: state.facilitatorId,
    you:
      viewer === undefined || viewerId === null
        ? null
        : {
            id: viewer.id,
            name: viewer.name,
            role: viewRole(state, viewer.id, viewer.role),
            canTakePart: viewer.status === 'joined' && viewer.role === 'participant',
          },
    participants,
    welcome: {
      principles: state.welcome.principles.map((principle) => ({ ...principle })),
      handsRaised: state.welcome.hands.length,
      expected: listAnswerers(state).length,
      yourHandRaised: viewerId !== null && state.welcome.hands.includes(viewerId),
      everyoneAgreed: isPrinciplesAgreed(state),
    },
    scene: structuredClone(state.scene),
    metrics: {
      questions: viewQuestions(state, viewerId),
      result: getQuickCheckResult(state),
      unagreed: listUnagreedQuestions(state),
    },
    capabilities: {
      assessed: listAssessedCapabilities(state),
      statements: viewStatements(state, viewerId),
      prioritisation: squad.prioritisation,
      unrevealedStatements: squad.unrevealedStatements.length,
      needsTier: squad.needsTier,
    },
    flow: structuredClone(state.flow),
    vote: viewVote(state, viewerId),
    actions: structuredClone(state.actions),
    survey: {
      responses: Object.keys(state.survey).length,
      expected: listAnswerers(state).length,
      youResponded: viewerId !== null && getOwn(state.survey, viewerId) !== undefined,
      results: getSurveyResults(state),
    },
  };
}
