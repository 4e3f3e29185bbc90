/**
 * The raw, server-side state of one checkpoint. It holds every individual answer, vote and survey
 * response, so it must never leave the server: what a person may see is `viewFor(state, id)`, whose
 * type (`CheckpointView`) is deliberately separate. Times are ISO 8601 strings passed in by commands.
 */
import type { CapabilitySlug, EditionId, IndustryKey, MeasuredBands } from '../assessment/index.js';
import type { PhaseId } from './phases.js';

/** How someone joined: to take part, or to watch only. The facilitator is a participant. */
export type JoinRole = 'participant' | 'viewer';

/** Whether someone is in the checkpoint: joined, left of their own accord, or removed by the facilitator. */
export type ParticipantStatus = 'joined' | 'left' | 'removed';

/** A person in the checkpoint, known by a name only (no account needed). */
export interface Participant {
  id: string;
  name: string;
  role: JoinRole;
  status: ParticipantStatus;
  joinedAt: string;
}

/** A meeting principle the group agrees on. */
export interface Principle {
  id: string;
  text: string;
}

/** Where an action stands. */
export type ActionStatus = 'open' | 'inProgress' | 'done' | 'dropped';

/** An action agreed at the previous checkpoint, reviewed while setting the scene. */
export interface PreviousAction {
  id: string;
  title: string;
  owner: string | null;
  /** `YYYY-MM-DD`, or null. */
  due: string | null;
  capability: CapabilitySlug | null;
  status: ActionStatus;
}

/** A key the metrics engine measures. */
export type MeasuredKey =
  | 'deploymentFrequency'
  | 'leadTime'
  | 'changeFailureRate'
  | 'timeToRestore'
  | 'recoveryTime'
  | 'reworkRate';

/** A measured figure as the metrics engine words it for people, e.g. `2.3 per day`. */
export interface MeasuredFigure {
  measure: MeasuredKey;
  label: string;
  value: string;
}

/** The squad's measured keys since the last checkpoint, supplied by the server. */
export interface MeasuredKeys {
  /** Start and end of the measured window, ISO 8601. */
  from: string;
  to: string;
  /** Bands 1–6 and rates 0–1, as the assessment core reads them. */
  bands: MeasuredBands;
  figures: MeasuredFigure[];
}

/** A running timer of a phase. */
export interface PhaseTimer {
  durationSeconds: number;
  startedAt: string;
}

/** Answers given privately by participant id, and whether the spread has been revealed. */
export interface PrivateAnswers<V> {
  answers: Record<string, V>;
  revealed: boolean;
}

/** A Quick Check question in the workshop: private answers, and the answer the group agreed on. */
export interface QuestionState extends PrivateAnswers<number> {
  agreed: number | null;
}

/** Whether a step of the flow is done by hand or by a machine. */
export type Automation = 'manual' | 'automated';

/** The path a step belongs to: delivering a change, or recovering from a failed one. */
export type FlowLane = 'delivery' | 'recovery';

/** A step of the path to production. */
export interface FlowNode {
  id: string;
  label: string;
  automation: Automation;
  lane: FlowLane;
  /** Typical wait before the step starts, in minutes; null when not known. */
  waitMinutes: number | null;
  x: number;
  y: number;
}

/** A link from one step to the next. */
export interface FlowEdge {
  id: string;
  from: string;
  to: string;
}

/** What a sticky note records: a way deployments fail, or an improvement. */
export type NoteKind = 'failedDeployment' | 'improvement';

/** A sticky note on a step. */
export interface FlowNote {
  id: string;
  nodeId: string;
  kind: NoteKind;
  text: string;
  authorId: string;
}

/** The path to production drawn together. */
export interface FlowState {
  nodes: FlowNode[];
  edges: FlowEdge[];
  notes: FlowNote[];
}

/** Dot-voting on the improvement notes. */
export interface VoteState {
  votesPerPerson: number;
  maxPerNote: number;
  revealed: boolean;
  /** Note ids each participant voted for, one entry per vote. */
  ballots: Record<string, string[]>;
}

/** An action the squad commits to. */
export interface CheckpointAction {
  id: string;
  title: string;
  /** A name; the owner need not be in the room. */
  owner: string;
  /** `YYYY-MM-DD`, or null. */
  due: string | null;
  capability: CapabilitySlug | null;
  /** The improvement note it comes from, if any. */
  noteId: string | null;
  status: ActionStatus;
}

/** One person's survey answers by question id: ratings 1–5 and texts. */
export type SurveyResponse = Record<string, number | string>;

/** The raw state of a checkpoint. Server-side only. */
export interface CheckpointState {
  id: string;
  squad: string;
  tribe: string;
  edition: EditionId;
  industry: IndustryKey;
  createdAt: string;
  updatedAt: string;
  /** Increases by one with every accepted command; 0 when created. */
  version: number;
  phase: PhaseId;
  /** Set while the checkpoint is paused: when, and the phase to resume in. */
  paused: { at: string; resumePhase: PhaseId } | null;
  completedAt: string | null;
  facilitatorId: string;
  participants: Participant[];
  timers: Partial<Record<PhaseId, PhaseTimer>>;
  welcome: { principles: Principle[]; hands: string[] };
  scene: { measured: MeasuredKeys | null; previousActions: PreviousAction[] };
  /** By question key of the edition. */
  questions: Record<string, QuestionState>;
  /** Capabilities the facilitator added to the recommended ones. */
  addedCapabilities: CapabilitySlug[];
  /** By statement id; created on the first answer. */
  statements: Record<string, PrivateAnswers<number>>;
  flow: FlowState;
  vote: VoteState;
  actions: CheckpointAction[];
  /** By participant id. */
  survey: Record<string, SurveyResponse>;
}
