/**
 * Random but plausible commands for the workshop's property tests: for each phase, what people do in
 * it, with values and senders that are sometimes wrong, so refusals happen too. Assembled into
 * sequences by `commandSequence`. Not part of the public surface.
 */
import fc from 'fast-check';
import type { CheckpointCommand, CommandPayloads, CommandType } from './checkpointCommand.js';
import type { PhaseId } from './phases.js';

/** The facilitator of generated sequences. Every generated id has a colon, which no product text has. */
export const generatedFacilitator = 'fac:7';
/** The participants of generated sequences. */
export const generatedMembers = ['ann:7', 'bob:7', 'cat:7', 'dan:7'] as const;
/** The viewer of generated sequences. */
export const generatedViewer = 'vic:7';
/** Everyone in generated sequences. */
export const generatedPeople = [generatedFacilitator, ...generatedMembers, generatedViewer] as const;

/** The time of every generated command. */
export const generatedTime = '2025-03-04T10:00:00.000Z';
const at = generatedTime;
const anyone = fc.constantFrom(...generatedPeople);
const member = fc.constantFrom(
  generatedFacilitator,
  ...generatedMembers,
  generatedViewer,
  ...generatedMembers,
);
const node = fc.constantFrom('s1', 's2', 's3');
const note = fc.constantFrom('n1', 'n2', 'n3', 'n4');
const questionKey = fc.constantFrom('leadtime', 'leadtime', 'leadtime', 'deployfreq', 'rework');
const statementId = fc.constantFrom(
  'continuous-integration.1',
  'continuous-integration.2',
  'loosely-coupled-teams.1',
);

function make<K extends CommandType>(
  type: K,
  actor: fc.Arbitrary<string>,
  payload: fc.Arbitrary<CommandPayloads[K]>,
): fc.Arbitrary<CheckpointCommand> {
  return fc
    .tuple(actor, payload)
    .map(([actorId, fields]) => ({ type, actorId, at, ...fields }) as unknown as CheckpointCommand);
}

const coordinate = fc.integer({ min: 0, max: 500 });
const nodeFields = fc.record({
  nodeId: node,
  label: fc.constantFrom('Build', 'Review', 'Deploy'),
  automation: fc.constantFrom('manual', 'automated'),
  lane: fc.constantFrom('delivery', 'recovery'),
  x: coordinate,
  y: coordinate,
});
const noteFields = fc.record({
  noteId: note,
  nodeId: node,
  kind: fc.constantFrom('improvement', 'improvement', 'failedDeployment'),
  text: fc.constantFrom('Automate the release notes', 'Flaky tests'),
});
/** Mostly the first facilitator; sometimes another member (refused, or the facilitator after a hand-over). */
const facilitatorOrNot = fc.constantFrom(
  generatedFacilitator,
  generatedFacilitator,
  generatedFacilitator,
  'ann:7',
  'bob:7',
);
const none = fc.constant({});

/** A command of the work of each phase, from a random person (not always one allowed to send it). */
export const phaseCommand: Record<PhaseId, fc.Arbitrary<CheckpointCommand>> = {
  welcome: fc.oneof(
    make('raiseHand', member, none),
    make('lowerHand', member, none),
    make(
      'addPrinciple',
      facilitatorOrNot,
      fc.record({ principleId: fc.constantFrom('pa', 'pb'), text: fc.constant('Be kind') }),
    ),
    make(
      'removePrinciple',
      facilitatorOrNot,
      fc.record({ principleId: fc.constantFrom('principle-1', 'pa') }),
    ),
  ),
  setTheScene: make(
    'setPreviousActionStatus',
    facilitatorOrNot,
    fc.record({
      actionId: fc.constant('old-1'),
      status: fc.constantFrom('open', 'inProgress', 'done', 'dropped'),
    }),
  ),
  metrics: fc.oneof(
    {
      weight: 6,
      arbitrary: make(
        'answerQuestion',
        member,
        fc.record({ questionKey, value: fc.integer({ min: 0, max: 7 }) }),
      ),
    },
    { weight: 2, arbitrary: make('revealQuestion', facilitatorOrNot, fc.record({ questionKey })) },
    { weight: 1, arbitrary: make('resetQuestion', facilitatorOrNot, fc.record({ questionKey })) },
    {
      weight: 2,
      arbitrary: make(
        'agreeAnswer',
        facilitatorOrNot,
        fc.record({ questionKey, value: fc.integer({ min: 1, max: 6 }) }),
      ),
    },
  ),
  capabilities: fc.oneof(
    {
      weight: 6,
      arbitrary: make(
        'answerStatement',
        member,
        fc.record({ statementId, value: fc.integer({ min: 0, max: 6 }) }),
      ),
    },
    { weight: 2, arbitrary: make('revealStatement', facilitatorOrNot, fc.record({ statementId })) },
    {
      weight: 1,
      arbitrary: make(
        'addCapability',
        facilitatorOrNot,
        fc.record({ capability: fc.constantFrom('wip-limits', 'visual-management') }),
      ),
    },
  ),
  pathToProduction: fc.oneof(
    { weight: 3, arbitrary: make('addNode', member, nodeFields) },
    {
      weight: 1,
      arbitrary: make('moveNode', member, fc.record({ nodeId: node, x: coordinate, y: coordinate })),
    },
    {
      weight: 1,
      arbitrary: make(
        'addEdge',
        member,
        fc.record({ edgeId: fc.constantFrom('e1', 'e2'), from: node, to: node }),
      ),
    },
    { weight: 5, arbitrary: make('addNote', member, noteFields) },
    { weight: 1, arbitrary: make('removeNote', member, fc.record({ noteId: note })) },
    { weight: 1, arbitrary: make('removeNode', member, fc.record({ nodeId: node })) },
  ),
  vote: fc.oneof(
    { weight: 6, arbitrary: make('castVote', member, fc.record({ noteId: note })) },
    { weight: 2, arbitrary: make('retractVote', member, fc.record({ noteId: note })) },
    {
      weight: 1,
      arbitrary: make(
        'setVotesPerPerson',
        facilitatorOrNot,
        fc.record({ votes: fc.integer({ min: 0, max: 5 }) }),
      ),
    },
    { weight: 1, arbitrary: make('revealVotes', facilitatorOrNot, none) },
  ),
  actions: make(
    'addAction',
    member,
    fc.record({
      actionId: fc.constantFrom('a1', 'a2'),
      title: fc.constant('Automate the release notes'),
      owner: fc.constantFrom('Dana', 'Eli'),
      noteId: fc.constantFrom(null, 'n1'),
    }),
  ),
  summary: make('stopTimer', facilitatorOrNot, none),
  survey: make(
    'submitSurvey',
    member,
    fc.record({
      answers: fc.record({
        worthTime: fc.integer({ min: 1, max: 5 }),
        keep: fc.constantFrom('The votes', 'The flow'),
      }),
    }),
  ),
};

/** A command of the room: joining, leaving, removal, hand-over, pause, resume, timers. */
export const roomCommand = fc.oneof(
  {
    weight: 4,
    arbitrary: make(
      'join',
      anyone,
      fc.record({ name: fc.constantFrom('Ann', 'Bob'), role: fc.constantFrom('participant', 'viewer') }),
    ),
  },
  { weight: 2, arbitrary: make('leave', anyone, none) },
  { weight: 1, arbitrary: make('removeParticipant', facilitatorOrNot, fc.record({ participantId: anyone })) },
  {
    weight: 1,
    arbitrary: make('handOverFacilitator', facilitatorOrNot, fc.record({ participantId: anyone })),
  },
  { weight: 1, arbitrary: make('pause', facilitatorOrNot, none) },
  { weight: 2, arbitrary: make('resume', facilitatorOrNot, none) },
  {
    weight: 1,
    arbitrary: make(
      'startTimer',
      facilitatorOrNot,
      fc.record({ durationSeconds: fc.integer({ min: 0, max: 900 }) }),
    ),
  },
);
