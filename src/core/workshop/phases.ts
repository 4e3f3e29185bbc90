/**
 * The phases of a DevOps Checkpoint, in agenda order, with what each is for and the minutes we plan
 * for it in a workshop of about two hours.
 */

/** Every phase, in the order of the agenda. */
export const phaseIds = [
  'welcome',
  'setTheScene',
  'metrics',
  'capabilities',
  'pathToProduction',
  'vote',
  'actions',
  'summary',
  'survey',
] as const;

/** A phase of the checkpoint. */
export type PhaseId = (typeof phaseIds)[number];

/** One item of the agenda. */
export interface AgendaItem {
  phase: PhaseId;
  title: string;
  /** What the phase is for, in a sentence the facilitator can read out. */
  purpose: string;
  /** Planned length in minutes. */
  plannedMinutes: number;
}

/** The agenda: every phase with its title, purpose and planned minutes (130 in all). */
export const agenda: readonly AgendaItem[] = [
  {
    phase: 'welcome',
    title: 'Welcome',
    purpose: 'Why we meet, what we will do, and how we agree to work together today.',
    plannedMinutes: 10,
  },
  {
    phase: 'setTheScene',
    title: 'Set the scene',
    purpose: 'What our delivery data says since the last checkpoint, and what became of its actions.',
    plannedMinutes: 10,
  },
  {
    phase: 'metrics',
    title: 'The four keys',
    purpose: 'Each of us answers the Quick Check alone; then we compare, talk and agree on one answer.',
    plannedMinutes: 25,
  },
  {
    phase: 'capabilities',
    title: 'Capabilities',
    purpose: 'How well we do the practices that drive delivery, and which one to work on first.',
    plannedMinutes: 20,
  },
  {
    phase: 'pathToProduction',
    title: 'Path to production',
    purpose: 'Draw every step from writing code to running it in production, and how we recover.',
    plannedMinutes: 30,
  },
  {
    phase: 'vote',
    title: 'Vote',
    purpose: 'Spend a few dots on the improvements that would help us most.',
    plannedMinutes: 10,
  },
  {
    phase: 'actions',
    title: 'Actions',
    purpose: 'Turn the top improvements into small actions, each with an owner and a date.',
    plannedMinutes: 15,
  },
  {
    phase: 'summary',
    title: 'Summary',
    purpose: 'Look back at what we found and what we will do.',
    plannedMinutes: 5,
  },
  {
    phase: 'survey',
    title: 'Survey',
    purpose: 'Tell us, anonymously, how the checkpoint went for you.',
    plannedMinutes: 5,
  },
];

/** True when `value` names a phase. */
export function isPhaseId(value: unknown): value is PhaseId {
  return typeof value === 'string' && (phaseIds as readonly string[]).includes(value);
}

/** The phase after `phase`, or null after the last. */
export function getNextPhase(phase: PhaseId): PhaseId | null {
  return phaseIds[phaseIds.indexOf(phase) + 1] ?? null;
}

/** The phase before `phase`, or null before the first. */
export function getPreviousPhase(phase: PhaseId): PhaseId | null {
  const index = phaseIds.indexOf(phase);
  return index === 0 ? null : (phaseIds[index - 1] ?? null);
}
