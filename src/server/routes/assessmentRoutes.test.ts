import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/testApp.js';

describe('the Quick Check API', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ env: { HOST: '0.0.0.0' } });
  });
  afterAll(() => t?.close());
  const post = (url: string, payload: unknown) =>
    t.app.inject({ method: 'POST', url, payload: payload as object });

  it('scores the 2019 edition as DORA does, without signing in', async () => {
    const response = await post('/api/quickcheck', {
      edition: '2019',
      answers: { leadtime: 6, deployfreq: 6, ttr: 5, chgfail: 5 },
      industry: 'technology',
    });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ tier: 'elite', percentile: 89 });
    expect(response.json().recommendedCapabilities).toEqual(
      expect.arrayContaining(['monitoring-and-observability']),
    );
  });

  it('scores 2023+ editions on 0–10 with a benchmark', async () => {
    const response = await post('/api/quickcheck', {
      edition: '2025',
      answers: { leadtime: 6, deployfreq: 6, failurerecovery: 6, changefailure: 0, rework: 0 },
    });
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.scores.overall).toMatchObject({ value: 10 });
    expect(body.benchmark).toBeDefined();
    expect(body.recommendedCapabilities.length).toBeGreaterThan(0);
  });

  it.each([
    [{ edition: '2019', answers: { leadtime: 6, deployfreq: 6, ttr: 5 } }, /answers\.chgfail: /],
    [
      { edition: '2019', answers: { leadtime: 7, deployfreq: 6, ttr: 5, chgfail: 5 } },
      /answers\.leadtime: must be an integer from 1 to 6/,
    ],
    [{ edition: '2018', answers: {} }, /edition: must be one of 2019, 2021, 2022, 2023, 2024, 2025/],
    [
      { edition: '2023', answers: { leadtime: 6, deployfreq: 6, failurerecovery: 6, changefailure: 140 } },
      /answers\.changefailure: /,
    ],
    [
      { edition: '2019', answers: { leadtime: 6, deployfreq: 6, ttr: 5, chgfail: 5 }, industry: 'farming' },
      /industry: must be one of/,
    ],
  ])('refuses %o naming the key and what it allows', async (body, message) => {
    const response = await post('/api/quickcheck', body);
    expect(response.statusCode).toBe(400);
    expect(response.json().error).toMatch(message);
  });

  it('prioritises capabilities from Likert answers, naming the key focus', async () => {
    // The 2021 fixed trio; continuous integration answered lowest, so it is the key focus.
    const trio = {
      'continuous-integration': 2,
      'loosely-coupled-teams': 4,
      'generative-organizational-culture': 5,
    };
    const answers: Record<string, number> = {};
    for (const [slug, answer] of Object.entries(trio)) {
      const capability = (await t.app.inject(`/api/capabilities/${slug}`)).json();
      for (const statement of capability.statements as { id: string }[]) answers[statement.id] = answer;
    }
    const response = await post('/api/quickcheck/prioritise', { edition: '2021', answers });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json().keyFocus).toBe('continuous-integration');
  });

  it('lists the capability catalog and opens one capability', async () => {
    const list = (await t.app.inject('/api/capabilities')).json();
    expect(list.capabilities.length).toBeGreaterThanOrEqual(27);
    const slugs = list.capabilities.map((c: { slug: string }) => c.slug);
    for (const slug of [
      'continuous-integration',
      'loosely-coupled-teams',
      'generative-organizational-culture',
      'working-in-small-batches',
    ]) {
      expect(slugs).toContain(slug);
    }
    const one = await t.app.inject('/api/capabilities/continuous-integration');
    expect(one.statusCode).toBe(200);
    expect(one.json().statements).toHaveLength(5);
    const missing = await t.app.inject('/api/capabilities/teleportation');
    expect(missing.statusCode).toBe(404);
    expect(missing.json().message).toMatch(/no capability "teleportation"/);
  });
});
