/**
 * What one person may see of a checkpoint: `viewFor(state, id)`. A separate type from the raw state,
 * with no field that could hold another person's answer, vote or survey response: before a reveal
 * only how many have answered and the viewer's own answer; after it only counts per option (or the
 * sorted percentages, without names); votes only as the viewer's own and the number cast, until the
 * totals per note are revealed; the survey only aggregated.
 */
import type {
  CapabilitySlug,
  EditionId,
  IndustryKey,
  Prioritisation,
  QuickCheckResult,
} from '../assessment/index.js';
import type {
  CheckpointAction,
  FlowState,
  MeasuredKeys,
  ParticipantStatus,
  PhaseTimer,
  PreviousAction,
  Principle,
} from './checkpointState.js';
import type { AssessedCapability } from './getPrioritisation.js';
import type { SurveyResults } from './getSurveyResults.js';
import type { PhaseId } from './phases.js';

/** How someone takes part, as shown. */
export type ViewRole = 'facilitator' | 'participant' | 'viewer';

/** A person in the room, as everyone sees them. */
export interface ParticipantView {
  id: string;
  name: string;
  role: ViewRole;
  status: Exclude<ParticipantStatus, 'removed'>;
}

/** The answers to a question or a statement, as one person may see them. */
export type Spread =
  | { kind: 'option'; counts: { value: number; count: number }[] }
  | { kind: 'percentage'; values: number[] };

/** An item answered privately. */
export interface PrivateItemView {
  /** How many have answered (anyone, including people who left since). */
  answered: number;
  /** How many present are expected to answer. */
  expected: number;
  youAnswered: boolean;
  yourAnswer: number | null;
  revealed: boolean;
  /** True when the facilitator may reveal it now. */
  canReveal: boolean;
  /** Counts per option, only after the reveal. */
  spread: Spread | null;
}

/** A Quick Check question in the view. */
export interface QuestionView extends PrivateItemView {
  key: string;
  agreed: number | null;
  /** The answer the measurements give, when they give one. */
  measured: number | null;
}

/** A capability statement in the view. */
export interface StatementView extends PrivateItemView {
  id: string;
  capability: CapabilitySlug;
}

/** The vote, as one person may see it. */
export interface VoteView {
  votesPerPerson: number;
  maxPerNote: number;
  revealed: boolean;
  /** Dots cast by everyone together. */
  totalCast: number;
  yourVotes: { noteId: string; votes: number }[];
  yourRemaining: number;
  /** Totals per improvement note, most first, only after the reveal. */
  totals: { noteId: string; votes: number }[] | null;
}

/** The checkpoint as one person may see it. */
export interface CheckpointView {
  id: string;
  squad: string;
  tribe: string;
  edition: EditionId;
  industry: IndustryKey;
  version: number;
  updatedAt: string;
  phase: PhaseId;
  paused: { at: string; resumePhase: PhaseId } | null;
  completedAt: string | null;
  timers: Partial<Record<PhaseId, PhaseTimer>>;
  facilitatorId: string;
  /** The viewer, or null for someone not (or no longer) in the checkpoint. */
  you: { id: string; name: string; role: ViewRole; canTakePart: boolean } | null;
  participants: ParticipantView[];
  welcome: {
    principles: Principle[];
    handsRaised: number;
    expected: number;
    yourHandRaised: boolean;
    everyoneAgreed: boolean;
  };
  scene: { measured: MeasuredKeys | null; previousActions: PreviousAction[] };
  metrics: { questions: QuestionView[]; result: QuickCheckResult | null; unagreed: string[] };
  capabilities: {
    assessed: AssessedCapability[];
    statements: StatementView[];
    prioritisation: Prioritisation | null;
    unrevealedStatements: number;
    /** True in 2019 until the four keys are agreed and give a tier. */
    needsTier: boolean;
  };
  flow: FlowState;
  vote: VoteView;
  actions: CheckpointAction[];
  survey: {
    responses: number;
    expected: number;
    youResponded: boolean;
    /** Aggregated results, once the checkpoint is complete (and with 3 responses or everyone's). */
    results: SurveyResults | null;
  };
}
