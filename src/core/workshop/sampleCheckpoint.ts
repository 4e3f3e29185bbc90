/**
 * A sample checkpoint played from welcome to survey with every phase used, for demos and for the
 * tests of the whole workshop. The commands are what a real session would send.
 */
import { listStatements } from '../assessment/index.js';
import { apply } from './apply.js';
import type { CheckpointCommand, CommandType } from './checkpointCommand.js';
import type { CheckpointState } from './checkpointState.js';
import { createCheckpoint } from './createCheckpoint.js';

/** The states at the moments worth looking at. */
export interface SampleMilestones {
  welcome: CheckpointState;
  metricsBeforeReveal: CheckpointState;
  metrics: CheckpointState;
  paused: CheckpointState;
  capabilities: CheckpointState;
  voteBeforeReveal: CheckpointState;
  vote: CheckpointState;
  surveyBeforeEnd: CheckpointState;
}

const fac = 'fac';
const members = [fac, 'ann', 'bob', 'cat'];
const partOne = '2025-03-04T09:00:00.000Z';
const partTwo = '2025-03-06T14:00:00.000Z';

function run(state: CheckpointState, ...commands: CheckpointCommand[]): CheckpointState {
  let current = state;
  for (const next of commands) {
    const result = apply(current, next);
    if (!result.ok) throw new Error(`sample checkpoint: ${next.type} refused: ${result.error.message}`);
    current = result.state;
  }
  return current;
}

/** Terse command builders stamped with the time on `clock`, which the script moves on. */
function scriptWith(clock: { now: string }) {
  const c = (type: CommandType, actorId: string, payload: object = {}) =>
    ({ type, actorId, at: clock.now, ...payload }) as CheckpointCommand;
  return {
    c,
    step: (actor: string, nodeId: string, label: string, automation: string, x: number, wait?: number) =>
      c('addNode', actor, {
        nodeId,
        label,
        automation,
        lane: 'delivery',
        x,
        y: 0,
        waitMinutes: wait ?? null,
      }),
    note: (actor: string, noteId: string, nodeId: string, kind: string, text: string) =>
      c('addNote', actor, { noteId, nodeId, kind, text }),
    /** Each member answers with their value, then the facilitator reveals. */
    answerAndReveal(
      state: CheckpointState,
      answer: 'answerQuestion' | 'answerStatement',
      key: string,
      values: readonly number[],
    ): CheckpointState {
      const field = answer === 'answerQuestion' ? 'questionKey' : 'statementId';
      const reveal = answer === 'answerQuestion' ? 'revealQuestion' : 'revealStatement';
      return run(
        state,
        ...members.map((actor, index) => c(answer, actor, { [field]: key, value: values[index] })),
        c(reveal, fac, { [field]: key }),
      );
    },
  };
}

/**
 * Plays the sample checkpoint: Payments squad, 2019 edition, a facilitator (`fac`), three participants
 * (`ann`, `bob`, `cat`) and a viewer (`vic`), in two parts two days apart. Returns the final state
 * and the states at the moments worth looking at.
 */
export function playSampleCheckpoint(): { state: CheckpointState; milestones: SampleMilestones } {
  const clock = { now: partOne };
  const { c, step, note, answerAndReveal } = scriptWith(clock);
  let state = createCheckpoint({
    id: 'sample-checkpoint',
    squad: 'Payments',
    tribe: 'Money',
    facilitatorId: fac,
    facilitatorName: 'Fay',
    at: partOne,
    edition: '2019',
    measured: {
      from: '2024-12-01T00:00:00.000Z',
      to: '2025-03-01T00:00:00.000Z',
      bands: { leadTimeBand: 3, deploymentFrequencyBand: 4, timeToRestoreBand: 5, changeFailureRate: 0.2 },
      figures: [
        { measure: 'deploymentFrequency', label: 'Deployment frequency', value: '3.1 per week' },
        { measure: 'leadTime', label: 'Lead time for changes (median)', value: '9 days' },
      ],
    },
    previousActions: [
      {
        id: 'old-1',
        title: 'Add a smoke test after deploy',
        owner: 'Cat',
        due: '2025-01-31',
        capability: null,
        status: 'open',
      },
    ],
  });
  const milestones: Partial<SampleMilestones> = {};

  // Welcome: everyone joins; principles edited and agreed by a show of hands.
  state = run(
    state,
    c('join', 'ann', { name: 'Ann', role: 'participant' }),
    c('join', 'bob', { name: 'Bob', role: 'participant' }),
    c('join', 'cat', { name: 'Cat', role: 'participant' }),
    c('join', 'vic', { name: 'Vic', role: 'viewer' }),
    c('startTimer', fac, { durationSeconds: 600 }),
    c('addPrinciple', fac, { principleId: 'p-extra', text: 'One conversation at a time.' }),
    ...members.map((actor) => c('raiseHand', actor)),
  );
  milestones.welcome = state;

  // Set the scene.
  state = run(
    state,
    c('advance', fac),
    c('setPreviousActionStatus', fac, { actionId: 'old-1', status: 'done' }),
  );

  // The four keys: private answers, reveal, agreement.
  state = run(state, c('advance', fac));
  state = answerAndReveal(state, 'answerQuestion', 'leadtime', [4, 3, 4, 5]);
  state = answerAndReveal(state, 'answerQuestion', 'deployfreq', [4, 4, 4, 4]);
  state = answerAndReveal(state, 'answerQuestion', 'ttr', [5, 5, 4, 6]);
  state = run(
    state,
    ...members.map((actor, index) =>
      c('answerQuestion', actor, { questionKey: 'chgfail', value: [4, 5, 4, 3][index] }),
    ),
  );
  milestones.metricsBeforeReveal = state;
  state = run(state, c('revealQuestion', fac, { questionKey: 'chgfail' }));
  state = run(
    state,
    ...Object.entries({ leadtime: 4, deployfreq: 4, ttr: 5, chgfail: 4 }).map(([questionKey, value]) =>
      c('agreeAnswer', fac, { questionKey, value }),
    ),
  );
  milestones.metrics = state;

  // A break of two days: part two starts with the capabilities.
  state = run(state, c('pause', fac, { resumePhase: 'capabilities' }));
  milestones.paused = state;
  clock.now = partTwo;
  state = run(state, c('resume', fac));
  const answersByCapability: Record<string, number[]> = {
    'continuous-integration': [2, 2, 3, 3],
    'continuous-delivery': [4, 4, 4, 4],
    'loosely-coupled-teams': [4, 4, 5, 5],
  };
  for (const [capability, values] of Object.entries(answersByCapability)) {
    for (const statement of listStatements(capability as never)) {
      state = answerAndReveal(state, 'answerStatement', statement.id, values);
    }
  }
  milestones.capabilities = state;

  // Path to production, drawn together.
  state = run(
    state,
    c('advance', fac),
    step('ann', 'commit', 'Commit', 'automated', 0),
    step('bob', 'review', 'Code review', 'manual', 100, 240),
    step('cat', 'build', 'Build and test', 'automated', 200, 10),
    step('ann', 'deploy', 'Deploy', 'manual', 300, 2880),
    c('addNode', fac, {
      nodeId: 'rollback',
      label: 'Roll back',
      automation: 'manual',
      lane: 'recovery',
      x: 300,
      y: 200,
    }),
    c('addEdge', 'ann', { edgeId: 'e1', from: 'commit', to: 'review' }),
    c('addEdge', 'ann', { edgeId: 'e2', from: 'review', to: 'build' }),
    c('addEdge', 'bob', { edgeId: 'e3', from: 'build', to: 'deploy' }),
    c('addEdge', 'bob', { edgeId: 'e4', from: 'deploy', to: 'rollback' }),
    c('moveNode', 'cat', { nodeId: 'rollback', x: 320, y: 220 }),
    note('ann', 'n-review', 'review', 'improvement', 'Pair instead of waiting for review'),
    note('bob', 'n-build', 'build', 'improvement', 'Cache dependencies'),
    note('cat', 'n-deploy', 'deploy', 'improvement', 'Automate the deployment'),
    note('cat', 'n-drift', 'deploy', 'failedDeployment', 'Config drift between environments'),
  );

  // Dot-voting.
  state = run(
    state,
    c('advance', fac),
    c('setVotesPerPerson', fac, { votes: 3 }),
    ...['n-deploy', 'n-deploy', 'n-review'].map((noteId) => c('castVote', 'ann', { noteId })),
    ...['n-deploy', 'n-build', 'n-build'].map((noteId) => c('castVote', 'bob', { noteId })),
    ...['n-deploy', 'n-deploy', 'n-review'].map((noteId) => c('castVote', 'cat', { noteId })),
    c('castVote', fac, { noteId: 'n-build' }),
    c('retractVote', fac, { noteId: 'n-build' }),
    c('castVote', fac, { noteId: 'n-deploy' }),
    c('castVote', fac, { noteId: 'n-review' }),
  );
  milestones.voteBeforeReveal = state;
  state = run(state, c('revealVotes', fac));
  milestones.vote = state;

  // Actions, then the summary and the survey.
  state = run(
    state,
    c('advance', fac),
    c('addAction', 'bob', {
      actionId: 'a1',
      title: 'Script the deployment in the pipeline',
      owner: 'Bob',
      due: '2025-04-30',
      capability: 'deployment-automation',
      noteId: 'n-deploy',
    }),
    c('addAction', 'ann', {
      actionId: 'a2',
      title: 'Try pairing for a sprint',
      owner: 'Ann',
      due: '2025-04-15',
      noteId: 'n-review',
    }),
    c('updateAction', 'cat', { actionId: 'a1', status: 'inProgress' }),
    c('advance', fac),
    c('advance', fac),
    c('submitSurvey', 'ann', { answers: { worthTime: 5, keep: 'Drawing the flow together' } }),
    c('submitSurvey', 'bob', {
      answers: { worthTime: 4, spokeFreely: 4, change: 'Less time on statements' },
    }),
    c('submitSurvey', 'cat', { answers: { worthTime: 4, spokeFreely: 5 } }),
    c('submitSurvey', fac, { answers: { worthTime: 3, keep: 'Anonymous votes' } }),
  );
  milestones.surveyBeforeEnd = state;
  clock.now = '2025-03-06T16:00:00.000Z';
  state = run(state, c('complete', fac));
  return { state, milestones: milestones as SampleMilestones };
}
