/**
 * Cultural capabilities (DORA, dora.dev): generative organisational culture, learning culture, job
 * satisfaction and transformational leadership. Guidance written by us.
 */
import { type Capability, defineCapability } from './capability.js';

/** The classic cultural capabilities. */
export const culturalCapabilities: readonly Capability[] = [
  defineCapability({
    slug: 'generative-organizational-culture',
    name: 'Generative organizational culture',
    formerNames: ['Westrum organizational culture'],
    classicCategory: 'cultural',
    grouping: 'climate-for-learning',
    introduced: 'classic',
    movesKeys: ['changeFailureRate', 'timeToRestore', 'leadTime', 'deploymentFrequency'],
    guidance: {
      summary:
        "In a generative culture, in Ron Westrum's typology, information flows freely: people actively seek " +
        'it, bearers of bad news are safe, responsibilities are shared, working across functions is ' +
        'rewarded, failures lead to improving the system, and new ideas are welcome. DORA found that it ' +
        'predicts both software delivery and organisational performance.',
      implement: [
        'Hold blameless reviews after incidents that look for causes in the system, and see their actions through.',
        'Thank people publicly for raising problems early, above all when the news is unwelcome.',
        'Build cross-functional teams with shared goals, so that collaboration is the normal way of working.',
        'Leaders ask for bad news and show what they changed because of it.',
      ],
      obstacles: [
        'Blame after failures, which teaches people to hide problems.',
        'Incentives that reward individual or departmental success over shared outcomes.',
        'Information treated as a source of power.',
      ],
      measure: [
        'A short recurring survey on the six characteristics (the statements of this capability).',
        'How quickly problems are escalated, and how many near misses are reported.',
      ],
    },
  }),
  defineCapability({
    slug: 'learning-culture',
    name: 'Learning culture',
    classicCategory: 'cultural',
    grouping: 'climate-for-learning',
    introduced: 'classic',
    movesKeys: ['leadTime', 'changeFailureRate'],
    guidance: {
      summary:
        'The organisation treats learning as the key to improving and as an investment rather than a cost, ' +
        'and believes that stopping learning would put its future at risk. People have the time and the ' +
        'encouragement to learn.',
      implement: [
        'Give explicit time and budget for learning: courses, study days, conferences, internal talks.',
        'Create places to share what was learnt: lunch sessions, communities of practice, written incident reviews.',
        'Make learning part of the work itself: retrospectives that lead to experiments, pairing, rotation between teams.',
      ],
      obstacles: [
        'Learning squeezed out by delivery pressure.',
        'Training treated as a perk, the first thing cut when money is short.',
      ],
      measure: [
        'Time spent learning per person per quarter.',
        'Knowledge-sharing sessions held and improvement experiments run.',
      ],
    },
  }),
  defineCapability({
    slug: 'job-satisfaction',
    name: 'Job satisfaction',
    classicCategory: 'cultural',
    grouping: 'climate-for-learning',
    introduced: 'classic',
    movesKeys: ['leadTime', 'deploymentFrequency'],
    guidance: {
      summary:
        'People find their work meaningful, use their skills and judgement, and have the tools and resources ' +
        'to do it well. DORA links job satisfaction with organisational performance: it is both a result ' +
        'of good practices and a driver of them.',
      implement: [
        'Ask regularly and anonymously how people feel about their work and their tools, and act visibly on the answers.',
        'Remove toil: automate repetitive manual work so that people spend their time on the challenging parts.',
        'Connect the work to its purpose: show teams what their changes did for users.',
      ],
      obstacles: [
        'Surveys without visible follow-up, which wear trust away.',
        'Chronic overload and unplanned work.',
      ],
      measure: [
        'A recurring question such as whether people would recommend their team as a place to work.',
        'Voluntary departures and requests to move teams.',
      ],
    },
  }),
  defineCapability({
    slug: 'transformational-leadership',
    name: 'Transformational leadership',
    classicCategory: 'cultural',
    grouping: 'climate-for-learning',
    introduced: 'classic',
    movesKeys: ['deploymentFrequency', 'leadTime'],
    guidance: {
      summary:
        'Leaders inspire and enable their teams through the five behaviours DORA measured: vision, ' +
        'inspirational communication, intellectual stimulation, supportive leadership and personal ' +
        'recognition. Such leadership does not deliver results alone, but it makes the technical and ' +
        'process capabilities possible.',
      implement: [
        "Share a clear picture of where the organisation is going and of each team's part in it.",
        'Challenge teams to rethink how they work, and back their experiments.',
        "Consider people's needs, and recognise good work personally and specifically.",
      ],
      obstacles: [
        'Leaders who set targets but do not remove obstacles.',
        'Behaviour that contradicts what leaders say.',
      ],
      measure: [
        'Team ratings of their leaders on the five behaviours (the statements of this capability).',
        "Whether teams can state the organisation's goals in their own words.",
      ],
    },
  }),
];
