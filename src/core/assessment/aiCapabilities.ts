/**
 * The capabilities of DORA's 2025 AI capabilities model (dora.dev), besides version control and
 * working in small batches, which are in the model too. Guidance written by us.
 */
import { type Capability, defineCapability } from './capability.js';

const ai = { classicCategory: null, grouping: 'ai', inAiCapabilitiesModel: true, introduced: 2025 } as const;

/** The capabilities introduced with the AI capabilities model (2025). */
export const aiCapabilities: readonly Capability[] = [
  defineCapability({
    ...ai,
    slug: 'clear-and-communicated-ai-stance',
    name: 'Clear and communicated AI stance',
    movesKeys: ['leadTime'],
    guidance: {
      summary:
        'The organisation has a clear position on how people may and should use AI tools (which tools, for ' +
        'what, with which data) and has made sure everyone knows it. Clarity lets people use AI with ' +
        'confidence instead of avoiding it or using it in secret.',
      implement: [
        'Write down which AI tools are approved, what data may be shared with them, and whom to ask when unsure.',
        'Explain the reasons (security, licensing, privacy) so that people can judge new cases themselves.',
        'Publish the stance where developers work and revisit it as tools change.',
      ],
      obstacles: [
        'Silence, which leads either to fear of using AI or to unsanctioned use.',
        'A policy written for lawyers that developers cannot apply to a real case.',
      ],
      measure: [
        'Share of developers who can say what is allowed (a short survey).',
        'Use of approved tools compared with unapproved ones.',
      ],
    },
  }),
  defineCapability({
    ...ai,
    slug: 'healthy-data-ecosystems',
    name: 'Healthy data ecosystems',
    movesKeys: ['leadTime'],
    guidance: {
      summary:
        'Internal data is of high quality, easy to reach and connected rather than scattered in silos. AI, ' +
        'like people, can only be as useful as the data it works with.',
      implement: [
        'Name an owner for each important data set and publish what it contains and how fresh it is.',
        'Fix quality at the source, with checks in the pipelines that produce the data.',
        'Provide governed self-service access instead of one-off extracts.',
      ],
      obstacles: [
        'The same data copied into many silos that disagree with each other.',
        'Access requests that take weeks.',
      ],
      measure: [
        'Time to get access to a data set; incidents caused by bad data.',
        'Share of key data sets with an owner and documentation.',
      ],
    },
  }),
  defineCapability({
    ...ai,
    slug: 'ai-accessible-internal-data',
    name: 'AI-accessible internal data',
    movesKeys: ['leadTime', 'changeFailureRate'],
    guidance: {
      summary:
        "AI tools are connected to the organisation's own information (code, documentation, tickets, " +
        'decisions) with the right permissions, so that their answers reflect your context rather than ' +
        'generic knowledge.',
      implement: [
        'Connect assistants to internal repositories and documentation through retrieval that respects existing access rights.',
        'Start with the sources developers consult most: code search, runbooks, architecture decision records.',
        'Watch which sources are retrieved and whether the answers helped, and improve the weak sources.',
      ],
      obstacles: [
        'Outdated internal knowledge, so that connecting it spreads wrong answers faster (see documentation quality).',
        'Unresolved security concerns that block any connection.',
      ],
      measure: [
        'Share of AI interactions that draw on internal sources.',
        "Developers' rating of how useful the answers are.",
      ],
    },
  }),
  defineCapability({
    ...ai,
    slug: 'platform-engineering',
    name: 'Platform engineering',
    movesKeys: ['leadTime', 'deploymentFrequency', 'changeFailureRate', 'timeToRestore'],
    guidance: {
      summary:
        'An internal platform gives developers self-service paths (templates, pipelines, environments, ' +
        "observability) that make the right way the easy way. DORA's 2025 research found that a good " +
        'platform is what lets faster individual work turn into better results for the organisation.',
      implement: [
        'Run the platform as a product: find out what slows developers down and build for that first.',
        'Offer well-trodden paths for the common cases while letting teams step off them when they must.',
        'Measure adoption and developer experience, not the number of platform features.',
      ],
      obstacles: [
        'A platform built without its users and imposed rather than chosen.',
        'A platform team that turns into a new ticket queue.',
      ],
      measure: [
        'Time for a new service to reach production; developer satisfaction with the platform.',
        "Share of teams on the platform's standard paths.",
      ],
    },
  }),
  defineCapability({
    ...ai,
    slug: 'user-centric-focus',
    name: 'User-centric focus',
    movesKeys: ['changeFailureRate', 'leadTime'],
    guidance: {
      summary:
        'Teams keep the needs of the people who use their software at the centre of what they build and of ' +
        'how they judge success. DORA found that with this focus AI adoption improves team performance; ' +
        'without it, faster output can simply mean more of the wrong thing.',
      implement: [
        'Give teams direct contact with users: research sessions, support rotations, usage data.',
        'Define success as user outcomes and check them after each release.',
        'Use AI to learn about users faster (prototypes, analysing feedback), not only to write more code.',
      ],
      obstacles: [
        'Output targets (features shipped, code produced) standing in for value to users.',
        'Layers of intermediaries between teams and users.',
      ],
      measure: [
        'User satisfaction and task success on the key journeys.',
        'Share of roadmap items linked to a user need with evidence.',
      ],
    },
  }),
];
