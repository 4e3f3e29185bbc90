import { describe, expect, it } from 'vitest';
import { defaultMeasureConfig, isProductionEnvironment } from './measureConfig.js';

describe('isProductionEnvironment', () => {
  it('takes production, prod, live and production-* / prod-* by default', () => {
    const names = [
      'production',
      'prod',
      'live',
      'production-eu',
      'prod-us',
      'Production',
      'staging',
      'preprod',
      'prod2',
    ];
    expect(names.filter((name) => isProductionEnvironment(name))).toEqual([
      'production',
      'prod',
      'live',
      'production-eu',
      'prod-us',
      'Production',
    ]);
  });

  it('follows the organisation’s own patterns', () => {
    expect(isProductionEnvironment('eu-main', ['eu-*'])).toBe(true);
    expect(isProductionEnvironment('production', ['eu-*'])).toBe(false);
  });
});

describe('defaultMeasureConfig', () => {
  it('is what a fresh install measures with', () => {
    expect(defaultMeasureConfig).toMatchObject({
      attributionWindowHours: 24,
      leadTimeStart: 'firstCommitAt',
    });
    expect(defaultMeasureConfig.isProduction('prod-eu')).toBe(true);
  });
});
