/**
 * Whatever a participant's socket sends — arbitrary JSON, text that is not JSON, commands of every kind
 * with fields of any type, binary frames, frames too big, text that is not UTF-8 — the server answers
 * with a message of the protocol naming the problem (or closes that one socket with the standard code
 * for an oversized or non-UTF-8 frame), and the checkpoint goes on for everyone else.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { clientCommandSchema, serverMessageSchema } from '../../src/contract/workshopProtocol.js';
import { CheckpointClient } from '../realtime/checkpointClient.js';
import { type CreatedCheckpoint, createCheckpointOver, joinOver } from '../realtime/session.js';
import { createTestApp, type TestApp } from '../support/testApp.js';

const runs = { messages: 500, commands: 500 };
const commandTypes = clientCommandSchema.options.map((option) => option.shape.type.value);

const anyValue = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  fc.string({ unit: 'binary', maxLength: 300 }),
  fc.constantFrom(-1, 0, 1e308, Number.MAX_SAFE_INTEGER + 2, '', 'x'.repeat(5_000), null, [], {}),
);
/** A command message of a real type, with fields of any name and value. */
const mutatedCommand = fc.record({
  v: fc.oneof(fc.constant(1), anyValue),
  type: fc.constant('command'),
  commandId: fc.oneof(fc.uuid(), fc.string({ maxLength: 100 }), anyValue),
  command: fc
    .tuple(
      fc.constantFrom(...commandTypes),
      fc.dictionary(
        fc.oneof(
          fc.constantFrom('phase', 'text', 'participantId', 'noteId', 'answer', 'value', 'x', 'y'),
          fc.string(),
        ),
        anyValue,
        { maxKeys: 4 },
      ),
    )
    .map(([type, fields]) => ({ ...fields, type })),
});
const presence = fc.record({
  v: fc.constant(1),
  type: fc.constant('presence'),
  cursor: fc.oneof(anyValue, fc.record({ x: anyValue, y: anyValue })),
  selectedNodeId: anyValue,
});
const anyMessage = fc.oneof(
  fc.jsonValue().map((value) => JSON.stringify(value)),
  fc.string({ unit: 'grapheme', maxLength: 200 }),
  presence.map((message) => JSON.stringify(message)),
  mutatedCommand.map((message) => JSON.stringify(message)),
);

describe('a checkpoint socket fed anything', () => {
  let t: TestApp;
  let url: string;
  let checkpoint: CreatedCheckpoint;
  let fac: CheckpointClient;
  let bob: CheckpointClient;
  let ann: CheckpointClient;
  let annSeat: CheckpointClient['seat'];

  beforeAll(async () => {
    t = await createTestApp();
    url = await t.app.listen({ port: 0, host: '127.0.0.1' });
    checkpoint = await createCheckpointOver(url);
    fac = await CheckpointClient.join(url, checkpoint.id, checkpoint.facilitator);
    annSeat = await joinOver(url, checkpoint, 'Ann');
    bob = await CheckpointClient.join(url, checkpoint.id, await joinOver(url, checkpoint, 'Bob'));
    ann = await CheckpointClient.join(url, checkpoint.id, annSeat);
  }, 180_000);
  afterAll(async () => {
    await Promise.all([fac, bob, ann].map((client) => client?.close()));
    await t?.close();
  });

  let sentinels = 0;
  /** Sends a known command after `raw`: its answer proves everything before it was handled. */
  const sendThenSettle = async (raw: string) => {
    const before = ann.messages.length;
    ann.sendRaw(raw);
    const commandId = `sentinel-${++sentinels}`;
    ann.sendRaw({ v: 1, type: 'command', commandId, command: { type: 'lowerHand' } });
    await ann.waitFor(
      () => ann.messages.some((message) => 'commandId' in message && message.commandId === commandId),
      `the answer to ${commandId} after ${raw.slice(0, 200)}`,
    );
    return ann.raw.slice(before);
  };

  const checkAnswers = (raw: string, answers: string[]) => {
    for (const answer of answers) {
      const parsed = serverMessageSchema.safeParse(JSON.parse(answer));
      expect(parsed.success, `after ${raw.slice(0, 200)} the server sent ${answer.slice(0, 300)}`).toBe(true);
    }
    const errors = answers.map((answer) => JSON.parse(answer)).filter((message) => message.type === 'error');
    for (const error of errors) expect(error.message.length, JSON.stringify(error)).toBeGreaterThan(0);
  };

  it('answers every message with a message of the protocol, never closing the socket', async () => {
    let cases = 0;
    await fc.assert(
      fc.asyncProperty(anyMessage, async (raw) => {
        cases += 1;
        checkAnswers(raw, await sendThenSettle(raw));
      }),
      { numRuns: runs.messages, endOnFailure: true },
    );
    await fc.assert(
      fc.asyncProperty(mutatedCommand, async (message) => {
        cases += 1;
        const raw = JSON.stringify(message);
        checkAnswers(raw, await sendThenSettle(raw));
      }),
      { numRuns: runs.commands, endOnFailure: true },
    );
    console.log(`checkpoint socket, arbitrary messages: ${cases} cases`);
    const closedYet = await Promise.race([
      ann.closed,
      new Promise((resolve) => setTimeout(() => resolve('open'), 100)),
    ]);
    expect(closedYet).toBe('open');
  }, 600_000);

  it('answers a binary frame with an error, and closes only that socket on a frame too big or not UTF-8', async () => {
    ann.sendRaw(Buffer.from([0x00, 0xff, 0x10]));
    const binaryAnswer = await sendThenSettle(JSON.stringify({ v: 1, type: 'presence', cursor: null }));
    expect(binaryAnswer.some((answer) => JSON.parse(answer).type === 'error')).toBe(true);

    /** Opens another socket as Ann, says hello, sends one text frame and resolves with the close code. */
    const raw = (frame: string | Buffer) =>
      new Promise<number>((resolve, reject) => {
        const socket = new WebSocket(`${url.replace(/^http/, 'ws')}/api/checkpoints/${checkpoint.id}/socket`);
        socket.once('error', () => {});
        socket.once('close', (code) => resolve(code));
        socket.once('open', () => {
          socket.send(
            JSON.stringify({
              v: 1,
              type: 'hello',
              participantId: annSeat.participantId,
              key: annSeat.participantKey,
            }),
          );
          socket.send(frame, { binary: false });
        });
        setTimeout(() => reject(new Error('the socket was not closed')), 15_000);
      });
    expect(await raw('x'.repeat(65 * 1024))).toBe(1009);
    expect(await raw(Buffer.from([0x7b, 0xc3, 0x28, 0x7d]))).toBe(1007);
  });

  it('lets the facilitator carry on and everyone see it, on a healthy server', async () => {
    const answer = await fac.must({ type: 'advance' });
    await bob.waitForVersion(answer.version);
    const versions = bob.states().map((state) => state.version);
    versions.forEach((version, index) => {
      if (index > 0) expect(version).toBe((versions[index - 1] as number) + 1);
    });
    expect((await t.app.inject({ url: '/api/health' })).statusCode).toBe(200);
  });
});
