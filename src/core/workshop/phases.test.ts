import { describe, expect, it } from 'vitest';
import { agenda, getNextPhase, getPreviousPhase, isPhaseId, phaseIds } from './phases.js';

describe('phases', () => {
  it('follow the agenda, about two hours in all', () => {
    expect(agenda.map((item) => item.phase)).toEqual([...phaseIds]);
    expect(agenda.reduce((sum, item) => sum + item.plannedMinutes, 0)).toBe(130);
  });

  it('know their neighbours', () => {
    expect(getNextPhase('welcome')).toBe('setTheScene');
    expect(getNextPhase('survey')).toBeNull();
    expect(getPreviousPhase('setTheScene')).toBe('welcome');
    expect(getPreviousPhase('welcome')).toBeNull();
    expect(isPhaseId('vote')).toBe(true);
    expect(isPhaseId('lunch')).toBe(false);
    expect(isPhaseId(3)).toBe(false);
  });
});
