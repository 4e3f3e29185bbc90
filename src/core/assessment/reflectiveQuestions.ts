/**
 * Questions a team discusses for the capabilities that have no survey statements (our wording;
 * for visual management, visibility of work and proactive failure notification they follow the
 * reflective questions of DORA's articles, dora.dev).
 */
import type { CapabilitySlug } from './capability.js';

/** Reflective questions by capability, for those without statements. */
export const reflectiveQuestions: Readonly<Partial<Record<CapabilitySlug, readonly string[]>>> = {
  'visual-management': [
    'Which displays does the team look at every day, and are they current?',
    'When did a display last lead us to change what we were doing?',
    'Do our displays show measures we can influence, or only ones chosen for us?',
  ],
  'visibility-of-work-in-the-value-stream': [
    'Is there a current map of our value stream, from idea to customer, that everyone can see?',
    'Where on that map does work wait longest, and who could shorten the wait?',
    'Could each of us describe what happens to a change before it reaches us and after it leaves us?',
  ],
  'proactive-failure-notification': [
    'Do our alerts, on thresholds and on rates of change, fire before users notice a problem?',
    'How many of our last incidents did users report before our alerts did?',
    'Does every alert reach the people able to act on it, and does it need action?',
  ],
  'empowering-teams-to-choose-tools': [
    'When did we last adopt a tool we chose ourselves, and how long did it take?',
    'Which tools do we work around, and why?',
    'What guard rails do we need to respect when choosing, and do we know them?',
  ],
  'test-data-management': [
    'Do our automated tests create the data they need, or depend on data prepared by hand?',
    'How often do tests fail because of data rather than a defect?',
    'Is any personal or production data in our test environments?',
  ],
  'monitoring-systems-to-inform-business-decisions': [
    'Which decisions of the last quarter used data from our production monitoring?',
    'How soon after a release do we know whether users behave as we hoped?',
    'Can product and business people reach that data without our help?',
  ],
  'job-satisfaction': [
    'Do we have the tools and resources to do our work well?',
    'Does our work use our skills and judgement, or mostly repeat manual steps?',
    'Would we recommend this team as a place to work, and what would make us more likely to?',
  ],
  'well-being': [
    'How painful and disruptive are our deployments: do they happen outside working hours?',
    'Is our workload sustainable over months, not just this week?',
    'Is on-call shared fairly, and do incidents lead to fixes rather than repeated firefighting?',
  ],
  'reliability-engineering': [
    'Have we agreed reliability objectives for the user journeys that matter most?',
    'When we miss them, does that change what we work on next?',
    'Do the actions from our incident reviews get done?',
  ],
  'clear-and-communicated-ai-stance': [
    'Does everyone know which AI tools we may use, for what, and with which data?',
    'Where would someone look, or whom would they ask, when unsure?',
  ],
  'healthy-data-ecosystems': [
    'Can we find and trust the data we need, and get access to it quickly?',
    'Do our important data sets have owners who keep their quality up?',
  ],
  'ai-accessible-internal-data': [
    'Can our AI tools draw on our own code, documentation and decisions, within access rights?',
    'When an assistant answers from internal sources, are those sources current?',
  ],
  'platform-engineering': [
    'How long does it take a new service to reach production using our platform?',
    'Does the platform make the right way the easy way, or do teams work around it?',
  ],
  'user-centric-focus': [
    'How often do we talk with, or watch, the people who use what we build?',
    'Do we judge a release by what it did for users, or by the fact that it shipped?',
  ],
};
