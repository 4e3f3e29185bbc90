import { describe, expect, it } from 'vitest';
import { createSources, getSource, sourceNames, sources, splitSecrets } from './index.js';

describe('the source registry', () => {
  it('holds every source under its own name, with its secret variable', () => {
    expect(sourceNames.map((name) => [sources[name].name, sources[name].secretEnv])).toEqual([
      ['github', 'GITHUB_WEBHOOK_SECRET'],
      ['gitlab', 'GITLAB_WEBHOOK_TOKEN'],
      ['pagerduty', 'PAGERDUTY_WEBHOOK_SECRET'],
      ['opsgenie', 'OPSGENIE_WEBHOOK_TOKEN'],
      ['datadog', 'DATADOG_WEBHOOK_TOKEN'],
    ]);
  });

  it('finds a source by name, and nothing for other names', () => {
    expect(getSource('gitlab')).toBe(sources.gitlab);
    expect(getSource('toString')).toBeUndefined();
    expect(getSource('jenkins')).toBeUndefined();
  });

  it('builds a registry with settings', () => {
    const registry = createSources({ github: { incidentLabel: 'outage' } });
    expect(getSource('github', registry)).toBe(registry.github);
    expect(registry.github).not.toBe(sources.github);
  });

  it('splits configured secrets for rotation', () => {
    expect(splitSecrets(' new-secret, old-secret ,,')).toEqual(['new-secret', 'old-secret']);
    expect(splitSecrets(undefined)).toEqual([]);
  });
});
