/**
 * The questions of the Quick Check, in our words (the measures and option labels are DORA's,
 * dora.dev). Editions pick the ones they ask; the keys are the answer keys of DORA's Quick Check.
 */
import { answerOptions } from './answerOptions.js';
import type { OptionQuestion, PercentageQuestion } from './quickCheckEdition.js';

const leadTime: OptionQuestion = {
  kind: 'option',
  key: 'leadtime',
  measure: 'leadTime',
  title: 'Lead time for changes',
  stem:
    'Think of the main application or service your team works on. Once a change has been committed, ' +
    'how long does it usually take until it runs successfully in production?',
  tips: [
    'Start the clock at the commit, not when the idea was written down or the ticket was opened.',
    'Think of an ordinary change, not the fastest emergency fix nor the slowest big feature.',
    'Count the waiting too: code review queues, release trains, change boards and deployment windows.',
  ],
  options: answerOptions.durations,
};

const deployFrequencyTips = [
  'Count deployments of the main application or service to production, or releases to its users.',
  'Take the usual rhythm over the last few months, not the busiest week before a launch.',
  'A deployment behind a feature flag still counts; a build that never reaches production does not.',
];

const deployFrequencyStem =
  'How often does your team deploy the code of its main application or service to production, ' +
  'or release it to end users?';

const deployFrequencyClassic: OptionQuestion = {
  kind: 'option',
  key: 'deployfreq',
  measure: 'deploymentFrequency',
  title: 'Deployment frequency',
  stem: deployFrequencyStem,
  tips: deployFrequencyTips,
  options: answerOptions.deployFrequencyClassic,
};

const deployFrequency2023: OptionQuestion = {
  ...deployFrequencyClassic,
  options: answerOptions.deployFrequency2023,
};

const timeToRestore: OptionQuestion = {
  kind: 'option',
  key: 'ttr',
  measure: 'timeToRestore',
  title: 'Time to restore service',
  stem:
    'When the service has an incident or a defect that hurts its users (an outage, a serious ' +
    'slowdown, broken behaviour), how long does it usually take to get it working normally again?',
  tips: [
    'Stop the clock when users are served normally again, which may be well before the root cause is fixed.',
    'Start it when the problem began to affect users, not when someone noticed it.',
    'Think of a typical incident over the last few months, not the worst one.',
  ],
  options: answerOptions.durations,
};

const recoveryTime: OptionQuestion = {
  kind: 'option',
  key: 'failurerecovery',
  measure: 'recoveryTime',
  title: 'Failed deployment recovery time',
  stem:
    'When a change you deployed to production causes a failure that needs attention, how long does ' +
    'it usually take to recover the service?',
  tips: [
    'Only failures caused by your own deployments count here; outages of a provider or the network do not.',
    'Recovery may be a rollback, a fix forward or switching a feature flag off: whichever came first.',
    'Think of the usual case over the last few months, not the worst one.',
  ],
  options: answerOptions.durations,
};

const changeFailBand: OptionQuestion = {
  kind: 'option',
  key: 'chgfail',
  measure: 'changeFailureRate',
  title: 'Change failure rate',
  stem:
    'Of the changes your team makes to production or releases to users, what share degrade the ' +
    'service and need fixing afterwards (a hotfix, a rollback, a fix forward or a patch)?',
  tips: [
    'Count every kind of change to production: code, configuration and infrastructure.',
    'A change that had to be undone or patched counts as failed even if users hardly noticed.',
    'Failures caught before production, in review or a test stage, do not count.',
  ],
  options: answerOptions.changeFailBands,
};

const changeFailurePercentage: PercentageQuestion = {
  kind: 'percentage',
  key: 'changefailure',
  measure: 'changeFailureRate',
  title: 'Change failure rate',
  stem:
    'Roughly what percentage of your deployments to production cause a failure that needs immediate ' +
    'attention, such as a rollback, a hotfix or a fix forward?',
  tips: [
    'Give your best estimate from 0 to 100; a range the team agrees on is better than false precision.',
    'A deployment that had to be undone or patched counts, even if users hardly noticed.',
    'Failures caught before production, in review or a test stage, do not count.',
  ],
  min: 0,
  max: 100,
};

const rework: PercentageQuestion = {
  kind: 'percentage',
  key: 'rework',
  measure: 'reworkRate',
  title: 'Deployment rework rate',
  stem:
    'Of the deployments of the last six months, roughly what percentage were not planned, but made ' +
    'to fix a bug that users had run into?',
  tips: [
    'Count the unplanned deployments: hotfixes and emergency releases that fix a problem users met.',
    'Planned work that happens to include a bug fix does not count.',
    'Give your best estimate from 0 to 100.',
  ],
  min: 0,
  max: 100,
};

/** Every question the editions ask, by the form they take. */
export const quickCheckQuestions = {
  leadTime,
  deployFrequencyClassic,
  deployFrequency2023,
  timeToRestore,
  changeFailBand,
  recoveryTime,
  changeFailurePercentage,
  rework,
} as const;
