import { describe, expect, it } from 'vitest';
import { prioritiseCapabilities, scoreQuickCheck } from '../core/assessment/index.js';
import { parsePrioritiseRequest, parseQuickCheckRequest } from './quickcheck.js';

describe('POST /api/quickcheck body', () => {
  it('accepts the API example and scores it as the core does', () => {
    const parsed = parseQuickCheckRequest({
      edition: '2019',
      answers: { leadtime: 6, deployfreq: 6, ttr: 5, chgfail: 5 },
      industry: 'technology',
    });
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    const { edition, answers, industry, organisationSize } = parsed.value;
    const scored = scoreQuickCheck(edition, answers, { industry, organisationSize });
    expect(
      scored.ok && scored.value.method === 'tier' && [scored.value.tier, scored.value.percentile],
    ).toEqual(['elite', 89]);
  });

  it('defaults to the current edition', () => {
    const parsed = parseQuickCheckRequest({
      answers: { leadtime: 6, deployfreq: 6, failurerecovery: 6, changefailure: 0, rework: 0 },
      organisationSize: 'fewer_than_100',
    });
    expect(parsed.ok && parsed.value.edition).toBe('2025');
  });

  it('names the key and the allowed values', () => {
    const parsed = parseQuickCheckRequest({
      edition: '2019',
      answers: { leadtime: 9, deployfreq: 6, ttr: 5, chgfail: 5 },
    });
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.problems).toEqual([
      { field: 'answers.leadtime', message: 'must be an integer from 1 to 6' },
    ]);
    expect(parsed.error).toBe('answers.leadtime: must be an integer from 1 to 6');
  });

  it('rejects an unknown edition, industry, organisation size and field', () => {
    const badEdition = parseQuickCheckRequest({ edition: '2020', answers: {} });
    expect(badEdition.ok ? '' : badEdition.error).toBe(
      'edition: must be one of 2019, 2021, 2022, 2023, 2024, 2025',
    );
    const badIndustry = parseQuickCheckRequest({
      edition: '2023',
      answers: { leadtime: 3, deployfreq: 3, failurerecovery: 3, changefailure: 120 },
      industry: 'retail',
      organizationSize: 'solo',
    });
    expect(badIndustry.ok ? [] : badIndustry.problems.map((problem) => problem.field)).toEqual([
      'organizationSize',
      'answers.changefailure',
      'industry',
    ]);
    expect(badIndustry.ok ? [] : badIndustry.problems[0]?.message).toBe('is not a known field');
    const unknownIndustry = parseQuickCheckRequest({
      edition: '2023',
      answers: { leadtime: 3, deployfreq: 3, failurerecovery: 3, changefailure: 120 },
      industry: 'retail',
    });
    expect(unknownIndustry.ok ? [] : unknownIndustry.problems).toEqual([
      { field: 'answers.changefailure', message: 'must be a number from 0 to 100' },
      {
        field: 'industry',
        message:
          'must be one of all, education, energy, financial_services, government, healthcare_pharmaceuticals, industrials_manufacturing, insurance, media_entertainment, non_profit, consumer, technology, telecommunications, other',
      },
    ]);
    const badSize = parseQuickCheckRequest({
      edition: '2023',
      answers: { leadtime: 3, deployfreq: 3, failurerecovery: 3, changefailure: 120 },
      organisationSize: 'solo',
    });
    expect(badSize.ok ? '' : badSize.error).toBe(
      'answers.changefailure: must be a number from 0 to 100; organisationSize: has no published benchmarks in the 2023 edition (only 2024 and 2025); leave it out',
    );
  });

  it('rejects answers that are not an object', () => {
    const parsed = parseQuickCheckRequest({ edition: '2025', answers: 'fast' });
    expect(parsed.ok ? '' : parsed.error).toBe('answers: must be an object of answers by key');
  });
});

describe('POST /api/quickcheck/prioritise body', () => {
  const trio = {
    ...Object.fromEntries([1, 2, 3, 4, 5].map((n) => [`continuous-integration.${n}`, 4])),
    ...Object.fromEntries([1, 2, 3, 4, 5, 6].map((n) => [`loosely-coupled-teams.${n}`, 2])),
    ...Object.fromEntries([1, 2, 3, 4, 5, 6].map((n) => [`generative-organizational-culture.${n}`, 5])),
  };

  it('accepts an edition with the trio answers and ranks them', () => {
    const parsed = parsePrioritiseRequest({ edition: '2022', answers: trio });
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    const request = parsed.value.edition === undefined ? {} : { edition: parsed.value.edition };
    const outcome = prioritiseCapabilities(request, parsed.value.answers);
    expect(outcome.ok && outcome.value.keyFocus).toBe('loosely-coupled-teams');
  });

  it('names a bad statement answer and a missing tier', () => {
    const bad = parsePrioritiseRequest({ answers: { ...trio, 'continuous-integration.3': 0 } });
    expect(bad.ok ? '' : bad.error).toBe(
      'answers.continuous-integration.3: must be an integer from 1 (strongly disagree) to 5 (strongly agree)',
    );
    const noTier = parsePrioritiseRequest({ edition: '2019', answers: {} });
    expect(noTier.ok ? '' : noTier.error).toBe(
      'tier: is required for the 2019 edition: must be one of low, medium, high, elite',
    );
    const badTier = parsePrioritiseRequest({ tier: 'legendary', answers: {} });
    expect(badTier.ok ? '' : badTier.error).toBe('tier: must be one of low, medium, high, elite');
  });
});
