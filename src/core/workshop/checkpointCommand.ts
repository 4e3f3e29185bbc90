/**
 * The commands that change a checkpoint. Every command names its `type`, the participant who sends
 * it (`actorId`, set by the server from the connection, never trusted from the client) and when
 * (`at`, ISO 8601, from the server's clock). Ids of new things (principles, steps, links, notes,
 * actions) are supplied by the server too, so the reducer stays deterministic.
 */
import type { CapabilitySlug } from '../assessment/index.js';
import type {
  ActionStatus,
  Automation,
  FlowLane,
  JoinRole,
  MeasuredKeys,
  NoteKind,
  SurveyResponse,
} from './checkpointState.js';
import type { PhaseId } from './phases.js';

type Empty = Record<never, never>;

/** The payload of each command, by type. Optional fields also accept `undefined` (left unchanged). */
export interface CommandPayloads {
  // The room
  join: { name: string; role: JoinRole };
  leave: Empty;
  removeParticipant: { participantId: string };
  handOverFacilitator: { participantId: string };
  // The agenda
  setPhase: { phase: PhaseId };
  advance: Empty;
  goBack: Empty;
  /** `resumePhase` defaults to the current phase. */
  pause: { resumePhase?: PhaseId | undefined };
  resume: Empty;
  startTimer: { durationSeconds: number };
  stopTimer: Empty;
  complete: Empty;
  /** Sent by the server only (actor `systemActorId`) when it measures the squad again. */
  refreshMeasured: { measured: MeasuredKeys };
  // Welcome
  addPrinciple: { principleId: string; text: string };
  updatePrinciple: { principleId: string; text: string };
  removePrinciple: { principleId: string };
  raiseHand: Empty;
  lowerHand: Empty;
  // Set the scene
  setPreviousActionStatus: { actionId: string; status: ActionStatus };
  // The four keys
  answerQuestion: { questionKey: string; value: number };
  revealQuestion: { questionKey: string };
  /** Clears the answers and the reveal of a question, to answer it again after a discussion. */
  resetQuestion: { questionKey: string };
  /** The group's answer; null clears it. */
  agreeAnswer: { questionKey: string; value: number | null };
  // Capabilities
  answerStatement: { statementId: string; value: number };
  revealStatement: { statementId: string };
  addCapability: { capability: CapabilitySlug };
  removeCapability: { capability: CapabilitySlug };
  // Path to production
  addNode: {
    nodeId: string;
    label: string;
    automation: Automation;
    lane: FlowLane;
    waitMinutes?: number | null | undefined;
    x: number;
    y: number;
  };
  moveNode: { nodeId: string; x: number; y: number };
  updateNode: {
    nodeId: string;
    label?: string | undefined;
    automation?: Automation | undefined;
    lane?: FlowLane | undefined;
    waitMinutes?: number | null | undefined;
  };
  removeNode: { nodeId: string };
  addEdge: { edgeId: string; from: string; to: string };
  removeEdge: { edgeId: string };
  addNote: { noteId: string; nodeId: string; kind: NoteKind; text: string };
  updateNote: {
    noteId: string;
    nodeId?: string | undefined;
    kind?: NoteKind | undefined;
    text?: string | undefined;
  };
  removeNote: { noteId: string };
  // Vote
  setVotesPerPerson: { votes: number };
  castVote: { noteId: string };
  retractVote: { noteId: string };
  revealVotes: Empty;
  // Actions
  addAction: {
    actionId: string;
    title: string;
    owner: string;
    due?: string | null | undefined;
    capability?: CapabilitySlug | null | undefined;
    noteId?: string | null | undefined;
  };
  updateAction: {
    actionId: string;
    title?: string | undefined;
    owner?: string | undefined;
    due?: string | null | undefined;
    capability?: CapabilitySlug | null | undefined;
    noteId?: string | null | undefined;
    status?: ActionStatus | undefined;
  };
  removeAction: { actionId: string };
  // Survey
  submitSurvey: { answers: SurveyResponse };
}

/** The name of a command. */
export type CommandType = keyof CommandPayloads;

/** What every command carries. */
export interface CommandEnvelope {
  actorId: string;
  /** ISO 8601 time the server accepted the command. */
  at: string;
}

/** A command of one type. */
export type CommandOf<K extends CommandType> = { type: K } & CommandEnvelope & CommandPayloads[K];

/** Any command. */
export type CheckpointCommand = { [K in CommandType]: CommandOf<K> }[CommandType];

/** The actor id of commands the server itself sends (`refreshMeasured`); no participant may use it. */
export const systemActorId = 'system';
