import { describe, expect, it } from 'vitest';
import { capabilityStatements, getStatement, listStatements } from './capabilityStatements.js';

describe('capability statements', () => {
  it('keeps the number of items DORA uses per capability', () => {
    const counts = Object.fromEntries(
      [
        'continuous-integration',
        'loosely-coupled-teams',
        'generative-organizational-culture',
        'monitoring-and-observability',
        'working-in-small-batches',
        'learning-culture',
        'wip-limits',
        'trunk-based-development',
        'continuous-delivery',
        'flexible-infrastructure',
        'code-maintainability',
        'test-automation',
        'streamlining-change-approval',
        'customer-feedback',
        'team-experimentation',
        'database-change-management',
        'pervasive-security',
        'version-control',
        'deployment-automation',
        'transformational-leadership',
      ].map((slug) => [slug, listStatements(slug as never).length]),
    );
    expect(counts).toEqual({
      'continuous-integration': 5,
      'loosely-coupled-teams': 6,
      'generative-organizational-culture': 6,
      'monitoring-and-observability': 6,
      'working-in-small-batches': 3,
      'learning-culture': 3,
      'wip-limits': 5,
      'trunk-based-development': 4,
      'continuous-delivery': 5,
      'flexible-infrastructure': 5,
      'code-maintainability': 6,
      'test-automation': 12,
      'streamlining-change-approval': 6,
      'customer-feedback': 4,
      'team-experimentation': 4,
      'database-change-management': 5,
      'pervasive-security': 7,
      'version-control': 4,
      'deployment-automation': 1,
      'transformational-leadership': 5,
    });
  });

  it('marks the three approval statements that are scored reversed, and only them', () => {
    expect(
      capabilityStatements.filter((statement) => statement.reverse).map((statement) => statement.id),
    ).toEqual([
      'streamlining-change-approval.3',
      'streamlining-change-approval.4',
      'streamlining-change-approval.5',
    ]);
  });

  it('numbers statements uniquely within their capability', () => {
    const ids = capabilityStatements.map((statement) => statement.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(getStatement('continuous-integration.1')?.capability).toBe('continuous-integration');
    expect(getStatement('continuous-integration.6')).toBeUndefined();
    for (const statement of capabilityStatements) expect(statement.text).toMatch(/^[A-Z].*\.$/);
  });
});
