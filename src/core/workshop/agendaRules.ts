/**
 * The agenda: the facilitator moves between phases (forwards, back, or straight to one), pauses
 * after any phase and resumes later, runs a timer per phase and completes the checkpoint. The
 * server alone refreshes the measured keys.
 */
import { checkNumber } from './checkInput.js';
import type { CheckpointState, MeasuredKeys } from './checkpointState.js';
import type { CommandRules, RunOutcome } from './commandRule.js';
import { getNextPhase, getPreviousPhase, isPhaseId, type PhaseId } from './phases.js';
import { refuse } from './workshopError.js';

/** Longest timer, in seconds (four hours). */
export const maxTimerSeconds = 4 * 60 * 60;

function moveTo(draft: CheckpointState, phase: PhaseId | null, missing: () => RunOutcome): RunOutcome {
  if (phase === null) return missing();
  if (phase === draft.phase) return refuse('same-phase', `the checkpoint is already in ${phase}`);
  const from = draft.phase;
  draft.phase = phase;
  return [{ type: 'phaseChanged', from, to: phase }];
}

function isMeasured(value: unknown): value is MeasuredKeys {
  if (typeof value !== 'object' || value === null) return false;
  const measured = value as Partial<Record<keyof MeasuredKeys, unknown>>;
  return (
    typeof measured.from === 'string' &&
    typeof measured.to === 'string' &&
    typeof measured.bands === 'object' &&
    measured.bands !== null &&
    Array.isArray(measured.figures)
  );
}

type AgendaCommand =
  | 'setPhase'
  | 'advance'
  | 'goBack'
  | 'pause'
  | 'resume'
  | 'startTimer'
  | 'stopTimer'
  | 'complete'
  | 'refreshMeasured';

/** Rules of the agenda commands. */
export const agendaRules: CommandRules<AgendaCommand> = {
  setPhase: {
    sender: 'facilitator',
    phase: null,
    run(draft, { phase }) {
      if (!isPhaseId(phase)) return refuse('invalid-value', 'phase must be one of the agenda');
      return moveTo(draft, phase, () => refuse('invalid-value', 'phase is required'));
    },
  },
  advance: {
    sender: 'facilitator',
    phase: null,
    run: (draft) =>
      moveTo(draft, getNextPhase(draft.phase), () => refuse('no-next-phase', 'survey is the last phase')),
  },
  goBack: {
    sender: 'facilitator',
    phase: null,
    run: (draft) =>
      moveTo(draft, getPreviousPhase(draft.phase), () =>
        refuse('no-previous-phase', 'welcome is the first phase'),
      ),
  },
  pause: {
    sender: 'facilitator',
    phase: null,
    run(draft, { at, resumePhase }) {
      if (resumePhase !== undefined && !isPhaseId(resumePhase)) {
        return refuse('invalid-value', 'resumePhase must be one of the agenda');
      }
      const phase = resumePhase ?? draft.phase;
      draft.paused = { at, resumePhase: phase };
      delete draft.timers[draft.phase];
      return [{ type: 'paused', phase: draft.phase, resumePhase: phase }];
    },
  },
  resume: {
    sender: 'facilitator',
    phase: null,
    whilePaused: true,
    run(draft) {
      if (draft.paused === null) return refuse('not-paused', 'the checkpoint is not paused');
      const from = draft.phase;
      draft.phase = draft.paused.resumePhase;
      draft.paused = null;
      const events: RunOutcome = [{ type: 'resumed', phase: draft.phase }];
      if (from !== draft.phase) events.push({ type: 'phaseChanged', from, to: draft.phase });
      return events;
    },
  },
  startTimer: {
    sender: 'facilitator',
    phase: null,
    run(draft, { at, durationSeconds }) {
      const bad = checkNumber('durationSeconds', durationSeconds, 1, maxTimerSeconds, true);
      if (bad !== null) return bad;
      draft.timers[draft.phase] = { durationSeconds, startedAt: at };
      return [{ type: 'timerStarted', phase: draft.phase, durationSeconds, startedAt: at }];
    },
  },
  stopTimer: {
    sender: 'facilitator',
    phase: null,
    run(draft) {
      if (draft.timers[draft.phase] === undefined)
        return refuse('no-timer', `no timer runs in ${draft.phase}`);
      delete draft.timers[draft.phase];
      return [{ type: 'timerStopped', phase: draft.phase }];
    },
  },
  complete: {
    sender: 'facilitator',
    phase: null,
    whilePaused: true,
    run(draft, { at }) {
      draft.completedAt = at;
      draft.paused = null;
      draft.timers = {};
      return [{ type: 'completed', at }];
    },
  },
  refreshMeasured: {
    sender: 'system',
    phase: null,
    whilePaused: true,
    run(draft, { measured }) {
      if (!isMeasured(measured)) {
        return refuse('invalid-value', 'measured must have from, to, bands and figures');
      }
      draft.scene.measured = measured;
      return [{ type: 'measuredRefreshed' }];
    },
  },
};
