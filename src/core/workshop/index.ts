/**
 * The live DevOps Checkpoint as a server-authoritative state machine: `createCheckpoint` makes the
 * state, `apply(state, command)` moves it on or refuses with a typed error, `viewFor(state, id)` is
 * all one person may see (answers and votes stay secret until revealed), `summarise` and `toMarkdown`
 * give the outcome.
 *
 * How the server uses it (a realtime command): parse with `readClientMessage` (contract) → stamp the
 * actor, time and new id with `stampCommand` → `apply` → persist the accepted command → send `ack`
 * → broadcast each connection its person's view, never the state: `viewsFor(state, ids)` derives
 * them all at once, each equal to `viewFor(state, id)`. Replaying the persisted commands on
 * `createCheckpoint(...)` gives the same state.
 *
 * Decisions worth knowing:
 * - Who: the facilitator is a participant who also steers; members (participants and facilitator)
 *   answer, vote, draw and add actions; viewers only watch. Only the facilitator moves phases,
 *   reveals, agrees answers, edits principles, records the status of last time's actions, adds
 *   capabilities, sets the number of votes, removes people and completes.
 * - "Present" for anonymity means joined and not left: a dropped connection is presence, not leaving.
 * - A spread is revealed only with three answers, or an answer from everyone present; answers close
 *   at the reveal (`resetQuestion` reopens a question). Removal forgets only what is still secret.
 * - The squad's answer to a capability statement is the median of the revealed answers.
 * - Voting opens with the first vote; the number of votes is fixed from then on.
 * - Survey results appear only once the checkpoint is complete, texts in alphabetical order.
 * - Presence (who is connected, cursor, selected step) lives outside the state in a `PresenceMap`
 *   the server keeps in memory; it is never persisted, versioned or applied.
 */

export { maxTimerSeconds } from './agendaRules.js';
export type { ApplyResult } from './apply.js';
export { apply, commandTypes, getCommandRule } from './apply.js';
export { countLimits, textLimits } from './checkInput.js';
export type {
  CheckpointCommand,
  CommandEnvelope,
  CommandOf,
  CommandPayloads,
  CommandType,
} from './checkpointCommand.js';
export { systemActorId } from './checkpointCommand.js';
export type {
  ActionStatus,
  Automation,
  CheckpointAction,
  CheckpointState,
  FlowEdge,
  FlowLane,
  FlowNode,
  FlowNote,
  FlowState,
  JoinRole,
  MeasuredFigure,
  MeasuredKey,
  MeasuredKeys,
  NoteKind,
  Participant,
  ParticipantStatus,
  PhaseTimer,
  PreviousAction,
  Principle,
  PrivateAnswers,
  QuestionState,
  SurveyResponse,
  VoteState,
} from './checkpointState.js';
export type {
  CheckpointView,
  ParticipantView,
  PrivateItemView,
  QuestionView,
  Spread,
  StatementView,
  ViewRole,
  VoteView,
} from './checkpointView.js';
export type { Sender } from './commandRule.js';
export type { CreateCheckpointInput } from './createCheckpoint.js';
export { createCheckpoint, defaultVotesPerPerson, maxVotesPerNote } from './createCheckpoint.js';
export { defaultPrinciples } from './defaultPrinciples.js';
export { facilitatorTips } from './facilitatorTips.js';
export { maxCoordinate, maxWaitMinutes } from './flowRules.js';
export type { AssessedCapability, SquadPrioritisation } from './getPrioritisation.js';
export { getPrioritisation, getSquadAnswer, listAssessedCapabilities } from './getPrioritisation.js';
export { getQuickCheckResult } from './getQuickCheckResult.js';
export type { RatingResult, SurveyResults, TextResult } from './getSurveyResults.js';
export { getSurveyResults } from './getSurveyResults.js';
export { minimumAnswersToReveal } from './listAnswerers.js';
export { actionStatuses } from './openingRules.js';
export { orderFlow } from './orderFlow.js';
export type { AgendaItem, PhaseId } from './phases.js';
export { agenda, getNextPhase, getPreviousPhase, isPhaseId, phaseIds } from './phases.js';
export type { CanvasPoint, Presence, PresenceMap, PresencePatch, PresenceView } from './presence.js';
export { dropPresence, listPresence, updatePresence } from './presence.js';
export type { SampleMilestones } from './sampleCheckpoint.js';
export { playSampleCheckpoint } from './sampleCheckpoint.js';
export type {
  AnswerSummary,
  CheckpointSummary,
  FocusCapability,
  Maturity,
  StepSummary,
} from './summarise.js';
export { summarise, summariseView, topImprovementCount } from './summarise.js';
export type { SurveyQuestion } from './surveyQuestions.js';
export { surveyQuestions, surveyTextMaxLength } from './surveyQuestions.js';
export { escapeMarkdown, formatWait, toMarkdown } from './toMarkdown.js';
export { viewFor, viewsFor } from './viewFor.js';
export { maxVotesPerPerson } from './voteRules.js';
export type { WorkshopError, WorkshopErrorCode } from './workshopError.js';
export { workshopErrorCodes } from './workshopError.js';
export type { Change, FlowPart, WorkshopEvent } from './workshopEvent.js';
