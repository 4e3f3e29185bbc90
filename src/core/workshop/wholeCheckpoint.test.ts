/**
 * A whole checkpoint, welcome to survey, in two parts: a facilitator, three participants and a
 * viewer on the 2019 edition, checked through the views, the summary and the Markdown export.
 */
import { describe, expect, it } from 'vitest';
import { playSampleCheckpoint } from './sampleCheckpoint.js';
import { summarise } from './summarise.js';
import { command, refusalOf } from './testCheckpoint.js';
import { toMarkdown } from './toMarkdown.js';
import { viewFor } from './viewFor.js';

describe('a whole checkpoint', () => {
  const { state, milestones } = playSampleCheckpoint();
  const views = {
    welcome: viewFor(milestones.welcome, 'vic'),
    metricsBeforeReveal: viewFor(milestones.metricsBeforeReveal, 'ann'),
    metrics: viewFor(milestones.metrics, 'vic'),
    voteBeforeReveal: viewFor(milestones.voteBeforeReveal, 'cat'),
    vote: viewFor(milestones.vote, 'vic'),
    surveyBeforeEnd: viewFor(milestones.surveyBeforeEnd, 'ann'),
  };
  const summary = summarise(state);
  const markdown = toMarkdown(summary);

  it('went through every phase in two parts and is complete', () => {
    expect(state).toMatchObject({ phase: 'survey', completedAt: '2025-03-06T16:00:00.000Z', paused: null });
    expect(milestones.paused.paused).toEqual({ at: '2025-03-04T09:00:00.000Z', resumePhase: 'capabilities' });
    expect(
      refusalOf(milestones.paused, command('answerQuestion', 'ann', { questionKey: 'leadtime', value: 1 })),
    ).toBe('paused');
    expect(refusalOf(milestones.welcome, command('raiseHand', 'vic', {}))).toBe('viewer-cannot-take-part');
    expect(refusalOf(milestones.voteBeforeReveal, command('castVote', 'vic', { noteId: 'n-deploy' }))).toBe(
      'viewer-cannot-take-part',
    );
    expect(views.welcome?.welcome).toMatchObject({ handsRaised: 4, expected: 4, everyoneAgreed: true });
  });

  it('kept answers secret until revealed and votes until the reveal', () => {
    const chgfail = views.metricsBeforeReveal?.metrics.questions.find(
      (question) => question.key === 'chgfail',
    );
    expect(chgfail).toMatchObject({ answered: 4, yourAnswer: 5, spread: null, canReveal: true });
    const leadtime = views.metrics?.metrics.questions.find((question) => question.key === 'leadtime');
    expect(leadtime?.spread).toEqual({
      kind: 'option',
      counts: [0, 0, 1, 2, 1, 0].map((count, index) => ({ value: index + 1, count })),
    });
    expect(leadtime?.measured).toBe(3);
    expect(views.voteBeforeReveal?.vote).toMatchObject({
      totalCast: 11,
      yourVotes: [
        { noteId: 'n-deploy', votes: 2 },
        { noteId: 'n-review', votes: 1 },
      ],
      totals: null,
    });
    expect(views.vote?.vote.totals).toEqual([
      { noteId: 'n-deploy', votes: 6 },
      { noteId: 'n-review', votes: 3 },
      { noteId: 'n-build', votes: 2 },
    ]);
    expect(views.surveyBeforeEnd?.survey).toEqual({
      responses: 4,
      expected: 4,
      youResponded: true,
      results: null,
    });
  });

  it('summarises maturity, focus, flow, top improvements, actions and survey', () => {
    expect(summary.maturity).toEqual({ method: 'tier', tier: 'medium', percentile: 50, average: 4.25 });
    expect(summary.answers.map((answer) => [answer.key, answer.agreedLabel, answer.measuredLabel])).toEqual([
      ['leadtime', 'One day to one week', 'One week to one month'],
      ['deployfreq', 'Between once per day and once per week', 'Between once per day and once per week'],
      ['ttr', 'Less than one day', 'Less than one day'],
      ['chgfail', '31–45%', '16–30%'],
    ]);
    expect(summary.focus?.ranking.map((entry) => [entry.name, entry.score, entry.keyFocus])).toEqual([
      ['Continuous integration', '50.0', true],
      ['Continuous delivery', '75.0', false],
      ['Loosely coupled teams', '100.0', false],
    ]);
    expect(summary.flow.delivery.map((step) => step.label)).toEqual([
      'Commit',
      'Code review',
      'Build and test',
      'Deploy',
    ]);
    expect(summary.flow.recovery.map((step) => step.label)).toEqual(['Roll back']);
    expect(summary.topImprovements).toEqual([
      { noteId: 'n-deploy', text: 'Automate the deployment', step: 'Deploy', votes: 6 },
      { noteId: 'n-review', text: 'Pair instead of waiting for review', step: 'Code review', votes: 3 },
      { noteId: 'n-build', text: 'Cache dependencies', step: 'Build and test', votes: 2 },
    ]);
    expect(
      summary.actions.map((action) => [
        action.title,
        action.owner,
        action.due,
        action.capability,
        action.improvement,
        action.status,
      ]),
    ).toEqual([
      [
        'Script the deployment in the pipeline',
        'Bob',
        '2025-04-30',
        'Deployment automation',
        'Automate the deployment',
        'inProgress',
      ],
      ['Try pairing for a sprint', 'Ann', '2025-04-15', null, 'Pair instead of waiting for review', 'open'],
    ]);
    expect(summary.previousActions[0]?.status).toBe('done');
    expect(summary.survey?.ratings[0]).toMatchObject({ answered: 4, mean: 4 });
    expect(summary.survey?.texts[0]?.answers).toEqual(['Anonymous votes', 'Drawing the flow together']);
    expect(summary.participants).toBe(4);
  });

  it('exports the summary as Markdown', () => {
    for (const line of [
      '# DevOps Checkpoint: Payments (Money)',
      '2025-03-06 · Quick Check 2019',
      '| Lead time for changes | One day to one week | One week to one month |',
      '**Performance tier: Medium**, better than 50% of respondents (average answer 4.25 of 6).',
      '- Deployment frequency: 3.1 per week',
      '- Add a smoke test after deploy (Cat): done',
      '1. **Continuous integration**: 50.0 of 100 (key focus: work on it first)',
      '1. Commit (automated)',
      '2. Code review (manual, wait 4 h)',
      '   - Improvement: Pair instead of waiting for review',
      '4. Deploy (manual, wait 2 d)',
      '   - Failed deployment: Config drift between environments',
      '1. Roll back (manual)',
      '1. Automate the deployment (Deploy): 6 votes',
      '| Script the deployment in the pipeline | Bob | 2025-04-30 | Deployment automation | in progress |',
      '- Was this checkpoint worth your time? 4.0 of 5',
      '  - Less time on statements',
      'Quick Check, capabilities and benchmarks: DORA (dora.dev). Statements and tips in our own words.',
    ]) {
      expect(markdown).toContain(line);
    }
    for (const person of ['ann', 'fac', 'vic']) expect(markdown).not.toMatch(new RegExp(`\\b${person}\\b`));
  });
});
