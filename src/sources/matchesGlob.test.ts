import { describe, expect, it } from 'vitest';
import { matchesGlob } from './matchesGlob.js';

describe('matchesGlob', () => {
  it('matches * and ? across the whole name, ignoring case', () => {
    expect(matchesGlob('deploy-*', 'Deploy-production')).toBe(true);
    expect(matchesGlob('deploy-*', 'pre-deploy-production')).toBe(false);
    expect(matchesGlob('prod-??', 'prod-eu')).toBe(true);
    expect(matchesGlob('prod-??', 'prod-eu1')).toBe(false);
    expect(matchesGlob('.github/workflows/*.yml', '.github/workflows/deploy.yml')).toBe(true);
  });

  it('takes every other character literally', () => {
    expect(matchesGlob('release (v1.0)+', 'release (v1.0)+')).toBe(true);
    expect(matchesGlob('a.c', 'abc')).toBe(false);
    expect(matchesGlob('[ab]', 'a')).toBe(false);
  });
});
