/**
 * Measurement capabilities (DORA, dora.dev): monitoring and observability, monitoring to inform
 * business decisions, proactive failure notification, visual management and WIP limits.
 * Guidance written by us.
 */
import { type Capability, defineCapability } from './capability.js';

/** The classic measurement capabilities. */
export const measurementCapabilities: readonly Capability[] = [
  defineCapability({
    slug: 'monitoring-and-observability',
    name: 'Monitoring and observability',
    classicCategory: 'measurement',
    grouping: 'fast-feedback',
    introduced: 'classic',
    movesKeys: ['timeToRestore', 'changeFailureRate'],
    guidance: {
      summary:
        'Teams can see how healthy their systems are, as users experience them, and can explore production ' +
        'to debug problems nobody predicted. Monitoring watches for known failure conditions; observability ' +
        'lets you ask new questions of logs, metrics and traces when something unknown goes wrong.',
      implement: [
        'Measure what users experience (latency, errors, availability of the key journeys) next to system resources.',
        'Instrument services with structured logs, metrics and distributed traces that share identifiers, so one request can be followed across services.',
        'Give developers direct access to production telemetry and make them responsible for the alerts of what they build.',
        'After each incident ask what would have shown the problem sooner, and add it.',
      ],
      obstacles: [
        'Monitoring owned by an operations group, so that developers cannot see production.',
        'Many dashboards nobody looks at and alerts nobody trusts.',
        'Telemetry that cannot be correlated across services.',
      ],
      measure: [
        'Time to detect: from the start of user impact to the first alert.',
        'Share of incidents first reported by users rather than by monitoring.',
        'Time from alert to diagnosis.',
      ],
    },
  }),
  defineCapability({
    slug: 'monitoring-systems-to-inform-business-decisions',
    name: 'Monitoring systems to inform business decisions',
    classicCategory: 'measurement',
    grouping: 'fast-feedback',
    introduced: 'classic',
    movesKeys: ['leadTime', 'changeFailureRate'],
    guidance: {
      summary:
        'Data from application and infrastructure monitoring feeds business decisions, not only the running ' +
        'of systems. Teams and product owners look at how features are used and how system behaviour ' +
        'affects customers when they decide what to do next.',
      implement: [
        'Instrument key user journeys and business events (sign-ups, orders, abandoned steps) next to the technical telemetry.',
        'Look at this data in planning and after every significant release: did the change do what we hoped?',
        'Make the data reachable for product and business people, with definitions they understand.',
      ],
      obstacles: [
        'Technical and business data in separate tools owned by separate groups.',
        'Decisions made on opinion because the data arrives weeks too late.',
      ],
      measure: [
        'Share of product decisions that cite production data.',
        'Time from a release to knowing its effect on users.',
      ],
    },
  }),
  defineCapability({
    slug: 'proactive-failure-notification',
    name: 'Proactive failure notification',
    classicCategory: 'measurement',
    grouping: 'fast-feedback',
    introduced: 'classic',
    movesKeys: ['timeToRestore', 'changeFailureRate'],
    guidance: {
      summary:
        'Teams learn about failures before their users do: alerts fire on thresholds and on rates of change ' +
        'that signal trouble, and they reach the people who can act on them.',
      implement: [
        'Alert on what users would feel (error rate, latency, resources close to their limits) rather than on every internal metric.',
        'Add rate-of-change alerts for trends such as a filling disk or rising errors, which warn before a hard limit is crossed.',
        'Send each alert to the team that owns the service, with a link to its runbook.',
        'Remove alerts that never lead to action, so that the remaining ones are trusted.',
      ],
      obstacles: [
        'Alert fatigue from noisy alerts that need no action.',
        'Alerts going to a central queue instead of to the owners.',
      ],
      measure: [
        'Share of incidents detected by alerts before users report them.',
        'Time from the start of impact to the first notification.',
        'Alerts per on-call shift and the share that needed action.',
      ],
    },
  }),
  defineCapability({
    slug: 'visual-management',
    name: 'Visual management',
    classicCategory: 'measurement',
    grouping: 'fast-feedback',
    introduced: 'classic',
    movesKeys: ['leadTime', 'changeFailureRate'],
    guidance: {
      summary:
        'Teams show the information that matters for their work (flow of work, quality, delivery and ' +
        'operational measures) where everyone can see it, keep it current and use it to decide what to do. ' +
        'A display nobody acts on is decoration.',
      implement: [
        'Pick a few measures the team really uses (work in progress, build status, the four keys) and show them on a shared board or screen.',
        'Feed displays automatically from the tools instead of updating them by hand.',
        'Use them in daily conversations: when a number moves the wrong way, agree an action.',
      ],
      obstacles: [
        'Dashboards built once and never looked at again.',
        'Displays of measures chosen for the team that it cannot influence.',
      ],
      measure: [
        'Whether team members can name the current values of their key measures.',
        'How often a display led to an action in the last month.',
      ],
    },
  }),
  defineCapability({
    slug: 'wip-limits',
    name: 'Work in process limits',
    formerNames: ['Work-in-process limits', 'WIP limits'],
    classicCategory: 'measurement',
    grouping: 'fast-flow',
    introduced: 'classic',
    movesKeys: ['leadTime', 'deploymentFrequency'],
    guidance: {
      summary:
        'Teams cap how much work is in progress at a time and use the limits to expose obstacles in their ' +
        'flow. Finishing before starting shortens the time each item takes and makes bottlenecks visible.',
      implement: [
        'Make all work visible on a board with a column per stage, waiting stages included.',
        "Set a limit per stage a little below today's typical load, then lower it step by step.",
        'When a limit is reached, help finish work further along (review, test, deploy) instead of starting something new.',
        'Discuss every breach of a limit in the retrospective: each one points to a constraint to remove.',
      ],
      obstacles: [
        'Limits agreed but dropped as soon as pressure rises.',
        'Unplanned work and outside requests that bypass the board.',
        'People judged on being busy rather than on finished work.',
      ],
      measure: [
        'Items in progress per person, and the cycle time of work items.',
        'Finished items per week.',
        'How often limits are exceeded, and why.',
      ],
    },
  }),
];
