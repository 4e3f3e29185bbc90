/**
 * Capabilities DORA added after the first 27 (dora.dev): documentation quality and well-being (2023),
 * reliability engineering (DORA Core v2, 2024; no dora.dev article yet). Guidance written by us.
 */
import { type Capability, defineCapability } from './capability.js';

/** The capabilities added in 2023 and 2024. */
export const laterCapabilities: readonly Capability[] = [
  defineCapability({
    slug: 'documentation-quality',
    name: 'Documentation quality',
    classicCategory: null,
    grouping: 'climate-for-learning',
    introduced: 2023,
    movesKeys: ['timeToRestore', 'changeFailureRate', 'leadTime'],
    guidance: {
      summary:
        'Internal documentation (runbooks, READMEs, architecture notes, how-to guides) is reliable, easy to ' +
        'find, up to date and actually helps people do their jobs. DORA found that good documentation ' +
        'amplifies the effect of the technical practices.',
      implement: [
        'Keep documentation next to the code in version control and update it in the same change as the behaviour it describes.',
        'Give every document an owner and a review date, and delete what is obsolete.',
        'Write for tasks: a runbook for each alert, a getting-started guide for each service.',
        'Test the documentation by onboarding: newcomers follow it and fix whatever is wrong.',
      ],
      obstacles: [
        'A wiki nobody owns, full of pages nobody trusts.',
        'Writing seen as less valuable than coding.',
      ],
      measure: [
        'How easily people find what they need and whether they trust it (a short survey).',
        'Share of services with a current runbook; time since each key document was last reviewed.',
      ],
    },
  }),
  defineCapability({
    slug: 'well-being',
    name: 'Well-being',
    classicCategory: null,
    grouping: 'climate-for-learning',
    introduced: 2023,
    movesKeys: ['changeFailureRate', 'timeToRestore'],
    guidance: {
      summary:
        'The health of the people doing the work: little burnout, a manageable workload and little ' +
        'deployment pain (the fear and disruption around releasing). DORA treats it as an outcome that good ' +
        'technical and cultural practices improve and poor ones wear down.',
      implement: [
        'Reduce deployment pain: automate releases so that they no longer happen at night or at weekends.',
        'Keep the workload sustainable: limit work in progress and protect time for focused work.',
        'Share on-call fairly, and make sure incidents lead to fixes rather than repeated firefighting.',
      ],
      obstacles: [
        'Heroics celebrated instead of prevented.',
        'Unplanned work and interruptions arriving from many directions.',
      ],
      measure: [
        'A short recurring survey on burnout and workload.',
        'Deployments outside working hours, and pages per person.',
      ],
    },
  }),
  defineCapability({
    slug: 'reliability-engineering',
    name: 'Reliability engineering',
    classicCategory: null,
    grouping: 'fast-feedback',
    introduced: 2024,
    hasArticle: false,
    movesKeys: ['timeToRestore', 'changeFailureRate'],
    guidance: {
      summary:
        'Teams set explicit reliability targets based on what users need and run the service to meet them: ' +
        'service level objectives, error budgets, learning from incidents and engineering work to remove ' +
        'causes of failure. DORA has studied reliability since 2021 and added it to DORA Core in 2024; the ' +
        'Quick Check does not ask about it. (dora.dev has no article yet, so the grouping is ours.)',
      implement: [
        'Agree service level indicators and objectives with the product owner for the user journeys that matter.',
        'Use the error budget to choose between feature work and reliability work.',
        'Hold blameless reviews after incidents and track their actions until they are done.',
        'Practise recovery: game days, restore drills, failover tests.',
      ],
      obstacles: [
        'Targets of 100 %, which leave no room to change anything.',
        'Incident actions that are never done.',
      ],
      measure: ['Objectives met over time, and error budget spent.', 'Repeat incidents with the same cause.'],
    },
  }),
];
