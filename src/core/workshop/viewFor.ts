/**
 * Builds what each person may see (`CheckpointView`) from the raw state. The server broadcasts these,
 * never the state. Every individual answer passes through `viewPrivateItem` and `ownPrivateItem`,
 * which hand out only counts and the viewer's own answer, and after the reveal only the spread.
 *
 * A broadcast needs everyone's view of the same state, and most of a view is the same for everyone:
 * `viewsFor` derives that common part once and adds each person's own answers, votes, hand and
 * survey response on top. Parts nobody has anything of their own in are one object shared by every
 * view (so a serialiser may write them once); nothing in a view is an object of the state itself.
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
import { copyData } from './copyData.js';
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

/** The view of one privately answered item for someone who has not answered it: counts; the spread once revealed. */
function viewPrivateItem(
  state: CheckpointState,
  item: PrivateAnswers<number> | undefined,
  question: Question | null,
): PrivateItemView {
  const answers = item?.answers ?? {};
  const revealed = item?.revealed === true;
  return {
    answered: Object.keys(answers).length,
    expected: listAnswerers(state).length,
    youAnswered: false,
    yourAnswer: null,
    revealed,
    canReveal: item !== undefined && !revealed && canReveal(state, item),
    spread: revealed ? spreadFor(question, Object.values(answers)) : null,
  };
}

/** The same item as the viewer sees it: with their own answer, if they gave one. */
function ownPrivateItem<T extends PrivateItemView>(
  shared: T,
  item: PrivateAnswers<number> | undefined,
  viewerId: string | null,
): T {
  const own = item === undefined || viewerId === null ? undefined : getOwn(item.answers, viewerId);
  return own === undefined ? shared : { ...shared, youAnswered: true, yourAnswer: own };
}

function viewRole(state: CheckpointState, id: string, role: 'participant' | 'viewer'): ViewRole {
  return id === state.facilitatorId ? 'facilitator' : role;
}

/** What everyone's view of one state has in common; `view` is that of someone with nothing of their own. */
interface CommonView {
  state: CheckpointState;
  view: CheckpointView;
  /** The private items with their answers, in the order of the view's lists. */
  questionItems: (PrivateAnswers<number> | undefined)[];
  statementItems: (PrivateAnswers<number> | undefined)[];
  /** `view.welcome` and `view.survey` as seen by someone whose hand is up, who has responded. */
  handRaised: CheckpointView['welcome'];
  responded: CheckpointView['survey'];
}

function viewQuestions(state: CheckpointState): {
  views: QuestionView[];
  items: CommonView['questionItems'];
} {
  const measured =
    state.scene.measured === null
      ? null
      : answersFromMeasuredBands(state.edition, state.scene.measured.bands);
  const measuredAnswers = (measured?.answers ?? {}) as Readonly<Record<string, number | undefined>>;
  const questions = getEdition(state.edition).questions;
  const items = questions.map((question) => getOwn(state.questions, question.key));
  const views = questions.map((question, index) => {
    const item = items[index];
    return {
      key: question.key,
      ...viewPrivateItem(state, item, question),
      agreed: item?.agreed ?? null,
      measured: measuredAnswers[question.key] ?? null,
    };
  });
  return { views, items };
}

function viewStatements(state: CheckpointState): {
  views: StatementView[];
  items: CommonView['statementItems'];
} {
  const statements = listAssessedCapabilities(state).flatMap(({ slug }) =>
    listStatements(slug).map((statement) => ({ id: statement.id, capability: slug })),
  );
  const items = statements.map((statement) => getOwn(state.statements, statement.id));
  const views = statements.map((statement, index) => ({
    ...statement,
    ...viewPrivateItem(state, items[index], null),
  }));
  return { views, items };
}

function viewVote(state: CheckpointState): VoteView {
  const improvements = state.flow.notes.filter((note) => note.kind === 'improvement').map((note) => note.id);
  const all = Object.values(state.vote.ballots).flat();
  return {
    votesPerPerson: state.vote.votesPerPerson,
    maxPerNote: state.vote.maxPerNote,
    revealed: state.vote.revealed,
    totalCast: countVotesCast(state),
    yourVotes: [],
    yourRemaining: state.vote.votesPerPerson,
    totals: state.vote.revealed
      ? improvements
          .map((noteId) => ({ noteId, votes: tally(all, noteId) }))
          .sort((a, b) => b.votes - a.votes)
      : null,
  };
}

const tally = (votes: readonly string[], noteId: string) => votes.filter((entry) => entry === noteId).length;

function ownVote(state: CheckpointState, shared: VoteView, viewerId: string | null): VoteView {
  const ballot = viewerId === null ? [] : (getOwn(state.vote.ballots, viewerId) ?? []);
  if (ballot.length === 0) return shared;
  return {
    ...shared,
    yourVotes: [...new Set(ballot)].map((noteId) => ({ noteId, votes: tally(ballot, noteId) })),
    yourRemaining: Math.max(0, state.vote.votesPerPerson - ballot.length),
  };
}

/** The part of every view that does not depend on who looks. */
function viewCommon(state: CheckpointState): CommonView {
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
  const expected = listAnswerers(state).length;
  const questions = viewQuestions(state);
  const statements = viewStatements(state);
  const view: CheckpointView = {
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
    timers: copyData(state.timers),
    facilitatorId: state.facilitatorId,
    you: null,
    participants,
    welcome: {
      principles: state.welcome.principles.map((principle) => ({ ...principle })),
      handsRaised: state.welcome.hands.length,
      expected,
      yourHandRaised: false,
      everyoneAgreed: isPrinciplesAgreed(state),
    },
    scene: copyData(state.scene),
    metrics: {
      questions: questions.views,
      result: getQuickCheckResult(state),
      unagreed: listUnagreedQuestions(state),
    },
    capabilities: {
      assessed: listAssessedCapabilities(state),
      statements: statements.views,
      prioritisation: squad.prioritisation,
      unrevealedStatements: squad.unrevealedStatements.length,
      needsTier: squad.needsTier,
    },
    flow: copyData(state.flow),
    vote: viewVote(state),
    actions: copyData(state.actions),
    survey: {
      responses: Object.keys(state.survey).length,
      expected,
      youResponded: false,
      results: getSurveyResults(state),
    },
  };
  return {
    state,
    view,
    questionItems: questions.items,
    statementItems: statements.items,
    handRaised: { ...view.welcome, yourHandRaised: true },
    responded: { ...view.survey, youResponded: true },
  };
}

/** Lists whose items are shared, replaced only when the viewer answered one of them. */
function ownItems<T extends PrivateItemView>(
  shared: T[],
  items: readonly (PrivateAnswers<number> | undefined)[],
  viewerId: string | null,
): T[] {
  const own = shared.map((view, index) => ownPrivateItem(view, items[index], viewerId));
  return own.every((view, index) => view === shared[index]) ? shared : own;
}

/** `common` as `participantId` may see it. */
function personalise(common: CommonView, participantId: string): CheckpointView {
  const { state, view } = common;
  const viewer = findParticipant(state, participantId);
  if (viewer === undefined || viewer.status === 'removed') return view;
  const viewerId = viewer.id;
  const questions = ownItems(view.metrics.questions, common.questionItems, viewerId);
  const statements = ownItems(view.capabilities.statements, common.statementItems, viewerId);
  return {
    ...view,
    you: {
      id: viewer.id,
      name: viewer.name,
      role: viewRole(state, viewer.id, viewer.role),
      canTakePart: viewer.status === 'joined' && viewer.role === 'participant',
    },
    welcome: state.welcome.hands.includes(viewerId) ? common.handRaised : view.welcome,
    metrics: questions === view.metrics.questions ? view.metrics : { ...view.metrics, questions },
    capabilities:
      statements === view.capabilities.statements ? view.capabilities : { ...view.capabilities, statements },
    vote: ownVote(state, view.vote, viewerId),
    survey: getOwn(state.survey, viewerId) === undefined ? view.survey : common.responded,
  };
}

/**
 * The views of several people of the same state at once, by id: each equal to `viewFor(state, id)`,
 * with the common part derived once and shared between them. Treat the views as read-only.
 */
export function viewsFor(
  state: CheckpointState,
  participantIds: Iterable<string>,
): Map<string, CheckpointView> {
  const common = viewCommon(state);
  const views = new Map<string, CheckpointView>();
  for (const id of participantIds) if (!views.has(id)) views.set(id, personalise(common, id));
  return views;
}

/** The checkpoint as `participantId` may see it (an unknown or removed id sees nothing of their own). */
export function viewFor(state: CheckpointState, participantId: string): CheckpointView {
  return personalise(viewCommon(state), participantId);
}
