/**
 * The live checkpoint over real sockets on a listening server: a facilitator and three participants
 * walk the agenda, one drops and reconnects, the server restarts mid-session on the same database,
 * and throughout no socket ever carries another person's secret answer or vote.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ServerMessage } from '../../src/contract/workshopProtocol.js';
import type { Db } from '../../src/store/openDb.js';
import { pgliteBackend } from '../support/databases.js';
import { createTestApp, type TestApp } from '../support/testApp.js';
import { CheckpointClient } from './checkpointClient.js';
import { type CreatedCheckpoint, createCheckpointOver, joinOver } from './session.js';

type StateMessage = Extract<ServerMessage, { type: 'state' }>;

/** Each connection's state versions go up by exactly one after the first: nothing lost, nothing twice. */
function expectConsecutive(client: CheckpointClient) {
  const versions = client.states().map((state) => state.version);
  versions.forEach((version, index) => {
    if (index > 0)
      expect(version, `${client.seat.participantId} at message ${index}`).toBe(versions[index - 1]! + 1);
  });
}

describe('the live checkpoint over WebSockets', () => {
  let db: Db;
  let t: TestApp;
  let url: string;
  let checkpoint: CreatedCheckpoint;
  let fac: CheckpointClient;
  let ann: CheckpointClient;
  let bob: CheckpointClient;
  let cat: CheckpointClient;
  /** Every connection opened, for the checks over everything ever sent. */
  const everyone: CheckpointClient[] = [];

  const start = async () => {
    t = await createTestApp({ db });
    url = await t.app.listen({ port: 0, host: '127.0.0.1' });
  };
  const connect = async (seat: CheckpointClient['seat']) => {
    const client = await CheckpointClient.join(url, checkpoint.id, seat);
    everyone.push(client);
    return client;
  };
  const all = () => [fac, ann, bob, cat];
  const settled = async () => {
    const version = fac.view.version;
    await Promise.all(all().map((client) => client.waitForVersion(version)));
  };

  beforeAll(async () => {
    db = await pgliteBackend.open();
    await start();
    checkpoint = await createCheckpointOver(url);
    fac = await connect(checkpoint.facilitator);
    const seats = await Promise.all(['Ann', 'Bob', 'Cat'].map((name) => joinOver(url, checkpoint, name)));
    [ann, bob, cat] = (await Promise.all(seats.map(connect))) as [
      CheckpointClient,
      CheckpointClient,
      CheckpointClient,
    ];
  });
  afterAll(async () => {
    await Promise.all(everyone.map((client) => client.close()));
    await t?.app.close();
    await db?.close();
  });

  it('sends each person their own view of the whole checkpoint on connect, and who is here', async () => {
    await settled();
    expect(fac.view.you).toMatchObject({ role: 'facilitator', name: 'Facilitator' });
    expect(ann.view.you).toMatchObject({ name: 'Ann', role: 'participant', canTakePart: true });
    expect(ann.view.participants.map((person) => person.name).sort()).toEqual([
      'Ann',
      'Bob',
      'Cat',
      'Facilitator',
    ]);
    await fac.waitFor(() => fac.presence()?.length === 4, 'four people present');
    expect(fac.presence()?.map((entry) => entry.name)).toEqual(['Ann', 'Bob', 'Cat', 'Facilitator']);
  });

  it('runs the welcome and moves on only at the facilitator’s word', async () => {
    for (const client of all()) await client.must({ type: 'raiseHand' });
    await settled();
    expect(cat.view.welcome).toMatchObject({ handsRaised: 4, everyoneAgreed: true });
    const refused = await ann.send({ type: 'advance' });
    expect(refused).toMatchObject({ type: 'error', code: 'not-facilitator' });
    await fac.must({ type: 'advance' });
    await fac.must({ type: 'advance' });
    await settled();
    expect(all().map((client) => client.view.phase)).toEqual(['metrics', 'metrics', 'metrics', 'metrics']);
  });

  it('keeps every answer off the wire until the reveal, then sends only the spread', async () => {
    const answers = new Map([
      [fac, 4],
      [ann, 3],
      [bob, 5],
      [cat, 3],
    ]);
    for (const [client, value] of answers)
      await client.must({ type: 'answerQuestion', questionKey: 'leadtime', value });
    await settled();
    for (const [client, value] of answers) {
      for (const state of client.states()) {
        const leadtime = state.view.metrics.questions.find((question) => question.key === 'leadtime')!;
        expect(leadtime.spread).toBeNull();
        expect([null, value]).toContain(leadtime.yourAnswer);
      }
      expect(client.raw.some((text) => text.includes('"answers"') || text.includes('"ballots"'))).toBe(false);
    }
    expect(bob.view.metrics.questions.find((question) => question.key === 'leadtime')).toMatchObject({
      answered: 4,
      yourAnswer: 5,
      canReveal: true,
    });
    await fac.must({ type: 'revealQuestion', questionKey: 'leadtime' });
    await settled();
    const revealed = cat.view.metrics.questions.find((question) => question.key === 'leadtime')!;
    expect(revealed.spread).toEqual({
      kind: 'option',
      counts: [0, 0, 2, 1, 1, 0].map((count, index) => ({ value: index + 1, count })),
    });
  });

  it('answers a refused command to its sender only', async () => {
    const before = all().map((client) => client.messages.length);
    const refused = await bob.send({ type: 'revealQuestion', questionKey: 'ttr' });
    expect(refused).toMatchObject({ type: 'error', code: 'not-facilitator' });
    const invalid = await cat.send({
      type: 'answerQuestion',
      questionKey: 'leadtime',
      value: Number.NaN,
    } as never);
    expect(invalid.type).toBe('error');
    // Something accepted afterwards: once everyone has it, anything sent for the refusals has arrived.
    await fac.must({ type: 'agreeAnswer', questionKey: 'leadtime', value: 4 });
    await settled();
    all().forEach((client, index) => {
      const since = client.messages.slice(before[index]);
      const errors = since.filter((message) => message.type === 'error');
      expect(errors).toHaveLength(client === bob || client === cat ? 1 : 0);
      expect(since.filter((message) => message.type === 'state')).toHaveLength(1);
    });
  });

  it('gives someone who lost their connection the whole state when they come back', async () => {
    bob.drop();
    await bob.closed;
    await fac.must({ type: 'agreeAnswer', questionKey: 'deployfreq', value: 5 });
    await ann.must({ type: 'answerQuestion', questionKey: 'ttr', value: 5 });
    bob = await connect(bob.seat);
    await settled();
    expect(bob.view.version).toBe(fac.view.version);
    const questions = Object.fromEntries(
      bob.view.metrics.questions.map((question) => [question.key, question]),
    );
    expect(questions.leadtime).toMatchObject({ yourAnswer: 5, agreed: 4, revealed: true });
    expect(questions.deployfreq?.agreed).toBe(5);
    expect(questions.ttr).toMatchObject({ answered: 1, yourAnswer: null, spread: null });
    await fac.waitFor(() => fac.presence()?.length === 4, 'Bob present again');
  });

  it('keeps every vote secret until the facilitator reveals them', async () => {
    await fac.must({ type: 'setPhase', phase: 'pathToProduction' });
    const build = await ann.must({
      type: 'addNode',
      label: 'Build',
      automation: 'automated',
      lane: 'delivery',
      x: 0,
      y: 0,
    });
    const nodeId = build.createdId!;
    const tests = await bob.must({ type: 'addNote', nodeId, kind: 'improvement', text: 'Faster tests' });
    const deploy = await cat.must({ type: 'addNote', nodeId, kind: 'improvement', text: 'Deploy on merge' });
    await fac.must({ type: 'setPhase', phase: 'vote' });
    await ann.must({ type: 'castVote', noteId: tests.createdId! });
    await ann.must({ type: 'castVote', noteId: tests.createdId! });
    await bob.must({ type: 'castVote', noteId: deploy.createdId! });
    await cat.must({ type: 'castVote', noteId: deploy.createdId! });
    await settled();
    for (const client of all()) {
      expect(client.view.vote.totals).toBeNull();
      expect(client.view.vote.totalCast).toBe(4);
    }
    expect(ann.view.vote.yourVotes).toEqual([{ noteId: tests.createdId, votes: 2 }]);
    expect(fac.view.vote.yourVotes).toEqual([]);
    for (const client of everyone) {
      expect(client.raw.some((text) => text.includes('"ballots"'))).toBe(false);
    }
  });

  it('shares who has which step selected, live but never versioned or logged', async () => {
    const version = fac.view.version;
    const nodeId = fac.view.flow.nodes[0]!.id;
    ann.sendRaw({ v: 1, type: 'presence', selectedNodeId: nodeId, cursor: { x: 10, y: 20 } });
    const annSelected = () =>
      fac.presence()?.find((entry) => entry.name === 'Ann')?.selectedNodeId === nodeId;
    await fac.waitFor(annSelected, 'Ann’s selection');
    expect(fac.presence()?.find((entry) => entry.name === 'Ann')).toMatchObject({
      participantId: ann.seat.participantId,
      cursor: { x: 10, y: 20 },
    });
    ann.sendRaw({ v: 1, type: 'presence', selectedNodeId: 'not a node!' });
    await ann.waitFor(() => ann.messages.at(-1)?.type === 'error', 'the refusal of a bad presence');
    expect(fac.view.version).toBe(version);
    const logged = await db.kysely
      .selectFrom('checkpoint_commands')
      .select(({ fn }) => fn.max('version').as('version'))
      .where('checkpoint_id', '=', checkpoint.id)
      .executeTakeFirstOrThrow();
    expect(Number(logged.version)).toBe(version);
  });

  it('loses nothing acknowledged when the server restarts mid-session', async () => {
    const version = fac.view.version;
    const flow = fac.view.flow;
    const closing = all().map((client) => client.closed);
    await t.app.close();
    const codes = await Promise.all(closing);
    expect(codes.every(({ code }) => code === 1001)).toBe(true);

    await start();
    fac = await connect(fac.seat);
    ann = await connect(ann.seat);
    bob = await connect(bob.seat);
    cat = await connect(cat.seat);
    expect(fac.view.version).toBe(version);
    expect(cat.view.flow).toEqual(flow);
    expect(ann.view.vote).toMatchObject({ totalCast: 4, yourVotes: [{ votes: 2 }], totals: null });
    expect(ann.view.metrics.questions.find((question) => question.key === 'ttr')?.yourAnswer).toBe(5);

    await fac.must({ type: 'revealVotes' });
    await settled();
    expect(bob.view.vote.totals?.map((total) => total.votes)).toEqual([2, 2]);
  });

  it('closes the socket of someone the facilitator removes, and refuses them afterwards', async () => {
    const seat = await joinOver(url, checkpoint, 'Double Dan');
    const dan = await connect(seat);
    await fac.must({ type: 'removeParticipant', participantId: seat.participantId });
    expect((await dan.closed).code).toBe(4403);
    const again = await CheckpointClient.connect(url, checkpoint.id, seat);
    everyone.push(again);
    expect((await again.closed).code).toBe(4403);
    await settled();
  });

  it('refuses a socket without a hello, with a wrong key or for an unknown checkpoint', async () => {
    const wrongKey = await CheckpointClient.connect(url, checkpoint.id, {
      ...ann.seat,
      participantKey: 'guess',
    });
    const noHello = await CheckpointClient.connect(url, checkpoint.id, ann.seat, {
      v: 1,
      type: 'command',
      commandId: 'x',
      command: { type: 'advance' },
    });
    const unknown = await CheckpointClient.connect(url, 'nothing-here', ann.seat);
    const otherCheckpoint = await createCheckpointOver(url);
    const elsewhere = await CheckpointClient.connect(url, otherCheckpoint.id, ann.seat);
    everyone.push(wrongKey, noHello, unknown, elsewhere);
    expect((await wrongKey.closed).code).toBe(4401);
    expect((await noHello.closed).code).toBe(4400);
    expect((await unknown.closed).code).toBe(4404);
    expect((await elsewhere.closed).code).toBe(4401);
    for (const client of [wrongKey, noHello, unknown, elsewhere]) {
      expect(client.messages.map((message) => message.type)).toEqual(['error']);
    }
  });

  it('delivered every version to every connection exactly once, in order', () => {
    for (const client of everyone) expectConsecutive(client);
    const last = (client: CheckpointClient) => (client.states().at(-1) as StateMessage).version;
    expect(new Set(all().map(last)).size).toBe(1);
  });
});
