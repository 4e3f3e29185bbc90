/**
 * Tips the facilitator gives while the squad answers each Quick Check question, in our words. They
 * come on top of the question's own tips in the assessment core.
 */
import type { AnswerKey } from '../assessment/index.js';

const guess =
  'No data at hand? Make your best guess and say so; we will hold it against the measurements later.';
const failed =
  'A deployment has failed whenever someone had to step in by hand afterwards: a rollback, a hotfix, a patch or a restart.';
const recovery =
  'Start the clock when the problem began, so the time it took anyone to notice it counts too, and stop it when users are served normally again.';

/** Facilitator tips by answer key, to read out before the squad answers. */
export const facilitatorTips: Readonly<Record<AnswerKey, readonly string[]>> = {
  leadtime: [
    'Follow one commit the whole way: review, build, tests, approvals and the wait for a release slot all count.',
    guess,
  ],
  deployfreq: [
    'Answer for how often the squad could deploy if it wanted to, not only how often it happened to.',
    guess,
  ],
  ttr: [recovery, guess],
  failurerecovery: [recovery, guess],
  chgfail: [failed, guess],
  changefailure: [failed, guess],
  rework: ['Count the deployments nobody planned, made only because users ran into a bug.', guess],
};
