import { describe, expect, it } from 'vitest';
import { changeFailureBand, deploymentFrequencyBand, durationBand } from './bands.js';

const hour = 3_600;
const day = 24 * hour;

describe('durationBand', () => {
  it.each([
    [0, 6, 'Less than one hour'],
    [hour - 1, 6, 'Less than one hour'],
    [hour, 5, 'Less than one day'],
    [day - 1, 5, 'Less than one day'],
    [day, 4, 'One day to one week'],
    [7 * day - 1, 4, 'One day to one week'],
    [7 * day, 3, 'One week to one month'],
    [30 * day - 1, 3, 'One week to one month'],
    [30 * day, 2, 'One to six months'],
    [180 * day - 1, 2, 'One to six months'],
    [180 * day, 1, 'More than six months'],
  ])('%i seconds is band %i (%s)', (seconds, value, label) => {
    expect(durationBand(seconds)).toEqual({ value, label });
  });
});

describe('changeFailureBand', () => {
  it.each([
    [0, 20, 6, '0–15%'],
    [3, 20, 6, '0–15%'], // exactly 15 %
    [4, 20, 5, '16–30%'], // 20 %
    [6, 20, 5, '16–30%'], // exactly 30 %
    [7, 20, 4, '31–45%'], // 35 %
    [9, 20, 4, '31–45%'], // exactly 45 %
    [12, 20, 3, '46–60%'], // exactly 60 %
    [13, 20, 2, '61–75%'], // 65 %
    [15, 20, 2, '61–75%'], // exactly 75 %
    [16, 20, 1, '76–100%'], // 80 %
    [1, 1, 1, '76–100%'],
  ])('%i failed of %i is band %i (%s)', (failed, total, value, label) => {
    expect(changeFailureBand(failed, total)).toEqual({ value, label });
  });

  it('compares 15 % exactly, without floating-point drift', () => {
    // 15 of 100 and 150 of 1000 are exactly 15 %, 151 of 1000 is above.
    expect(changeFailureBand(15, 100).value).toBe(6);
    expect(changeFailureBand(150, 1000).value).toBe(6);
    expect(changeFailureBand(151, 1000).value).toBe(5);
  });
});

describe('deploymentFrequencyBand', () => {
  it('labels each value with the Quick Check answer', () => {
    expect(deploymentFrequencyBand(6).label).toBe('On demand (multiple deploys per day)');
    expect(deploymentFrequencyBand(5).label).toBe('Between once per hour and once per day');
    expect(deploymentFrequencyBand(4).label).toBe('Between once per day and once per week');
    expect(deploymentFrequencyBand(3).label).toBe('Between once per week and once per month');
    expect(deploymentFrequencyBand(2).label).toBe('Between once per month and once every six months');
    expect(deploymentFrequencyBand(1).label).toBe('Fewer than once per six months');
  });
});
