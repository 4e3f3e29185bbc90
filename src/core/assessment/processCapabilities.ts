/**
 * Process capabilities (DORA, dora.dev): small batches, visibility of work in the value stream,
 * customer feedback, team experimentation and streamlined change approval. Guidance written by us.
 */
import { type Capability, defineCapability } from './capability.js';

/** The classic process capabilities. */
export const processCapabilities: readonly Capability[] = [
  defineCapability({
    slug: 'working-in-small-batches',
    name: 'Working in small batches',
    classicCategory: 'process',
    grouping: 'fast-flow',
    inAiCapabilitiesModel: true,
    introduced: 'classic',
    movesKeys: ['leadTime', 'deploymentFrequency', 'changeFailureRate'],
    guidance: {
      summary:
        'Work is cut into pieces small enough to finish, integrate and release within days: features sliced ' +
        'so that they can ship often, tasks a developer can complete in a week or less, and minimal versions ' +
        'of an idea that test it with real users. Small batches shorten feedback loops and make each change ' +
        'less risky.',
      implement: [
        'Slice features vertically: each slice delivers something usable end to end, however thin.',
        'Split any task expected to take more than a week before starting it.',
        'Release the smallest version of an idea that can show whether it works, and let what users do decide the next step.',
        'Use feature flags to merge and deploy unfinished work safely.',
      ],
      obstacles: [
        'Planning and funding that think in large projects.',
        'Fixed release dates that pull many changes together.',
        'The belief that a feature is worthless until it is complete.',
      ],
      measure: [
        'Size of changes: lines changed, work items per deployment.',
        'Share of work items finished within a week.',
        'Time from starting on an idea to the first feedback from users.',
      ],
    },
  }),
  defineCapability({
    slug: 'visibility-of-work-in-the-value-stream',
    name: 'Visibility of work in the value stream',
    classicCategory: 'process',
    grouping: 'fast-flow',
    introduced: 'classic',
    movesKeys: ['leadTime', 'deploymentFrequency'],
    guidance: {
      summary:
        'Teams understand and can see the whole flow of work from a business idea to the customer, ' +
        'including the stages outside their own team, and where products and features are in that flow.',
      implement: [
        'Map the value stream together with everyone involved: each step, who does it, and how long work waits between steps.',
        'Keep the map visible and current, with the longest waits and the hand-offs marked.',
        'Take the biggest delay as the next improvement, and map again after changing it.',
      ],
      obstacles: [
        'Each team seeing only its own part, while the waiting happens between teams.',
        'A map drawn once in a workshop and never updated.',
      ],
      measure: [
        'Flow efficiency: time worked on an item divided by its total time from idea to customer.',
        'Whether every team member can describe the path from idea to production.',
      ],
    },
  }),
  defineCapability({
    slug: 'customer-feedback',
    name: 'Customer feedback',
    classicCategory: 'process',
    grouping: 'fast-feedback',
    introduced: 'classic',
    movesKeys: ['changeFailureRate', 'leadTime'],
    guidance: {
      summary:
        'Teams gather customer satisfaction and views on the quality of their products and features, and ' +
        'use them to shape what they build. Without this loop, delivering quickly may only mean delivering ' +
        'the wrong thing sooner.',
      implement: [
        'Collect customer satisfaction regularly and share it with the teams, not only with management.',
        'Bring customer input (interviews, support tickets, usage data) into planning and refinement.',
        'Close the loop: tell users what changed because of what they said.',
      ],
      obstacles: [
        'Feedback filtered through several intermediaries before it reaches the team.',
        'Feedback collected but never turned into changes.',
      ],
      measure: [
        'Time from a piece of feedback to a change based on it.',
        'Share of planned work that traces back to customer feedback or usage data.',
      ],
    },
  }),
  defineCapability({
    slug: 'team-experimentation',
    name: 'Team experimentation',
    classicCategory: 'process',
    grouping: 'climate-for-learning',
    introduced: 'classic',
    movesKeys: ['leadTime', 'deploymentFrequency'],
    guidance: {
      summary:
        'Teams can try new ideas and change specifications while they work, without asking permission from ' +
        'outside the team. With small batches and customer feedback, this lets teams learn what works and ' +
        'adjust, instead of following a plan that turns out to be wrong.',
      implement: [
        'Give teams outcomes to reach rather than fixed lists of features.',
        'Let teams change requirements during development when they learn something, and record why.',
        'Set aside time for experiments and share their results, the failed ones included.',
      ],
      obstacles: [
        'Requirements fixed up front in contracts or approval processes.',
        'A culture that punishes experiments that did not work out.',
      ],
      measure: [
        'Experiments run and decided on per quarter.',
        'Share of scope changes the team could decide on by itself.',
      ],
    },
  }),
  defineCapability({
    slug: 'streamlining-change-approval',
    name: 'Streamlining change approval',
    classicCategory: 'process',
    grouping: 'fast-flow',
    introduced: 'classic',
    movesKeys: ['leadTime', 'deploymentFrequency', 'changeFailureRate'],
    guidance: {
      summary:
        'Changes are approved in a light, well-understood way close to the work (peer review plus automated ' +
        'checks in the pipeline) rather than by senior managers or an external change advisory board. DORA ' +
        'found that heavyweight outside approval slows delivery without making it more stable.',
      implement: [
        'Make peer review plus passing automated checks the standard approval for routine changes.',
        'Keep the record of who reviewed and approved what automatically, from version control and the pipeline, for auditors.',
        'Keep a separate review only for genuinely high-risk changes, and define what makes a change high risk.',
        'Make the process clear: everyone should know how a change gets from submitted to accepted, and how long that takes.',
      ],
      obstacles: [
        'Compliance rules read as requiring a board, when they require separation of duties and traceability.',
        'Approvers without the context to judge the change in front of them.',
        'Changes batched up to suit a weekly approval meeting.',
      ],
      measure: [
        'Time changes wait for approval.',
        'Change failure rate of board-approved changes compared with peer-reviewed ones.',
        'Share of changes that need approval from outside the team.',
      ],
    },
  }),
];
