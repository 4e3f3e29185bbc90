import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseOrganisationYaml } from './organisationFile.js';

const good = readFileSync(new URL('../../test/fixtures/org/good.yaml', import.meta.url), 'utf8');

const problemsOf = (yaml: string) => {
  const result = parseOrganisationYaml(yaml);
  if (result.ok) throw new Error('expected problems');
  return result.problems.map((p) => `${p.line}:${p.column} ${p.path}: ${p.message}`);
};

describe('the organisation file', () => {
  it('reads a good file with every field, applying defaults', () => {
    const result = parseOrganisationYaml(good);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const { organisation } = result;
    expect(organisation.name).toBe('Acme Motors');
    expect(organisation.timezone).toBe('Europe/London');
    expect(organisation.attributionWindowHours).toBe(48);
    expect(organisation.environments.production).toEqual(['production', 'production-*']);
    expect(organisation.tribes.map((t) => t.name)).toEqual(['ecommerce', 'in-life']);
    expect(organisation.tribes[0]?.squads[0]?.services[0]).toEqual({
      name: 'vehicle-search',
      repo: 'acme/search',
      onboardedAt: '2026-01-05',
      pagerduty: ['PSEARCH1'],
    });
  });

  it('defaults the time zone, the production environments and the attribution window', () => {
    const result = parseOrganisationYaml(
      'tribes:\n  - name: t\n    squads:\n      - name: s\n        services: []\n',
    );
    expect(result).toMatchObject({
      ok: true,
      organisation: {
        timezone: 'UTC',
        attributionWindowHours: 24,
        environments: { production: ['production', 'prod', 'live', 'production-*', 'prod-*'] },
      },
    });
  });

  it.each([
    ['broken YAML', 'tribes: [\n  - name: x\n', /^\d+:\d+ \(syntax\): /],
    ['no tribes', 'name: x\n', /^1:1 tribes: /],
    [
      'a field of the wrong type',
      good.replace('attributionWindowHours: 48', 'attributionWindowHours: soon'),
      /^6:25 attributionWindowHours: must be a number of hours/,
    ],
    [
      'a negative attribution window',
      good.replace('attributionWindowHours: 48', 'attributionWindowHours: -1'),
      /^6:25 attributionWindowHours: must be more than 0/,
    ],
    [
      'an unknown field',
      good.replace('    squads:\n      - name: search', '    squad:\n      - name: search'),
      /tribes\[0\]: unknown field "squad"/,
    ],
    [
      'a bad service name',
      good.replace('name: vehicle-search', 'name: Vehicle Search'),
      /^12:19 tribes\[0\]\.squads\[0\]\.services\[0\]\.name: must be lower-case/,
    ],
    [
      'a repository without owner',
      good.replace('repo: acme/search', 'repo: search'),
      /^13:19 tribes\[0\]\.squads\[0\]\.services\[0\]\.repo: must look like owner\/name/,
    ],
    [
      'a bad onboarding date',
      good.replace('onboardedAt: 2026-01-05', 'onboardedAt: last spring'),
      /services\[0\]\.onboardedAt: must be a date like 2026-01-31/,
    ],
    [
      'an unknown time zone',
      good.replace('Europe/London', 'Mars/Olympus'),
      /^3:11 timezone: unknown time zone "Mars\/Olympus"/,
    ],
    [
      'a squad declared twice',
      good.replace('name: product', 'name: search'),
      /squads\[1\]\.name: squad "search" is declared twice \(also tribes\.0\.squads\.0\)/,
    ],
    [
      'a service declared twice',
      good.replace('name: listings', 'name: vehicle-search'),
      /service "vehicle-search" is declared twice/,
    ],
    [
      'a monorepo service without path',
      good.replace('            path: services/indexer\n', ''),
      /services\[1\]\.path: repository acme\/platform holds several services/,
    ],
    [
      'a tribe without squads',
      'tribes:\n  - name: t\n    squads: []\n',
      /^3:13 tribes\[0\]\.squads: a tribe needs at least one squad/,
    ],
    ['a duplicate key', 'tribes: []\ntribes: []\n', /\(syntax\): Map keys must be unique/],
  ])('names the line and field of %s', (_name, yaml, expected) => {
    const problems = problemsOf(yaml);
    expect(
      problems.some((p) => expected.test(p)),
      problems.join('\n'),
    ).toBe(true);
  });

  it('reports every problem of a file, not just the first', () => {
    const yaml = good
      .replace('repo: acme/search', 'repo: search')
      .replace('name: listings', 'name: Listings');
    expect(problemsOf(yaml)).toHaveLength(2);
  });
});
