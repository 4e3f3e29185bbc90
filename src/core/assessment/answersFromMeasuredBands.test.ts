import { describe, expect, it } from 'vitest';
import { changeFailBandForRate } from './answerOptions.js';
import { answersFromMeasuredBands } from './answersFromMeasuredBands.js';
import { scoreQuickCheck } from './scoreQuickCheck.js';

describe('answersFromMeasuredBands', () => {
  it('gives classic answers, time to restore first, change fail as the band', () => {
    const measured = answersFromMeasuredBands('2019', {
      deploymentFrequencyBand: 5,
      leadTimeBand: 4,
      timeToRestoreBand: 6,
      recoveryTimeBand: 3,
      changeFailureBand: 5,
      changeFailureRate: 0.02,
    });
    expect(measured).toMatchObject({
      answers: { leadtime: 4, deployfreq: 5, ttr: 6, chgfail: 5 },
      takenFrom: { ttr: 'timeToRestoreBand', chgfail: 'changeFailureBand' },
      missing: [],
      complete: true,
    });
    const scored = scoreQuickCheck('2019', measured.answers);
    expect(scored.ok && scored.value.tier).toBe('high');
  });

  it('falls back from time to restore to recovery time, and from the change fail band to the rate', () => {
    const measured = answersFromMeasuredBands('2021', {
      deploymentFrequencyBand: 3,
      leadTimeBand: 3,
      timeToRestoreBand: null,
      recoveryTimeBand: 4,
      changeFailureRate: 0.31,
    });
    expect(measured.answers).toEqual({ leadtime: 3, deployfreq: 3, ttr: 4, chgfail: 4 });
    expect(measured.takenFrom).toMatchObject({ ttr: 'recoveryTimeBand', chgfail: 'changeFailureRate' });
  });

  it('takes percentages as rate × 100 and prefers recovery time from 2023', () => {
    const measured = answersFromMeasuredBands('2025', {
      deploymentFrequencyBand: 6,
      leadTimeBand: 5,
      timeToRestoreBand: 2,
      recoveryTimeBand: 6,
      changeFailureRate: 0.07,
      reworkRate: 0.125,
    });
    expect(measured.answers).toEqual({
      leadtime: 5,
      deployfreq: 6,
      failurerecovery: 6,
      changefailure: 7,
      rework: 12.5,
    });
    expect(measured.complete).toBe(true);
  });

  it('names each missing answer instead of guessing it', () => {
    const measured = answersFromMeasuredBands('2025', { deploymentFrequencyBand: 4, changeFailureBand: 6 });
    expect(measured.answers).toEqual({ deployfreq: 4 });
    expect(measured.complete).toBe(false);
    expect(measured.missing).toEqual([
      { key: 'leadtime', needs: ['leadTimeBand'], reason: 'no data for leadTimeBand' },
      {
        key: 'failurerecovery',
        needs: ['recoveryTimeBand', 'timeToRestoreBand'],
        reason: 'no data for recoveryTimeBand or timeToRestoreBand',
      },
      { key: 'changefailure', needs: ['changeFailureRate'], reason: 'no data for changeFailureRate' },
      { key: 'rework', needs: ['reworkRate'], reason: 'no data for reworkRate' },
    ]);
  });

  it('reports measurements out of range as missing, with the reason', () => {
    const measured = answersFromMeasuredBands('2023', {
      deploymentFrequencyBand: 7,
      leadTimeBand: 2.5,
      recoveryTimeBand: 3,
      changeFailureRate: 1.5,
    });
    expect(measured.missing.map((entry) => entry.reason)).toEqual([
      'no usable measurement: leadTimeBand 2.5 is not a band from 1 to 6',
      'no usable measurement: deploymentFrequencyBand 7 is not a band from 1 to 6',
      'no usable measurement: changeFailureRate 1.5 is not a rate from 0 to 1',
    ]);
  });

  it('maps a change failure rate to the band of its label', () => {
    expect([0, 0.15, 0.16, 0.3, 0.45, 0.6, 0.75, 0.76, 1].map(changeFailBandForRate)).toEqual([
      6, 6, 5, 5, 4, 3, 2, 1, 1,
    ]);
  });
});
