import fc from 'fast-check';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { generatedPeople } from '../core/workshop/commandArbitrary.js';
import { applyAll, commandSequence, generatedCheckpoint } from '../core/workshop/commandSequence.js';
import { apply, type CommandType, commandTypes, viewFor, viewsFor } from '../core/workshop/index.js';
import { facilitator, inPhase, withPeople } from '../core/workshop/testCheckpoint.js';
import {
  type ClientCommand,
  clientCommandSchema,
  protocolVersion,
  readClientMessage,
  serverMessageSchema,
  stampCommand,
  stateMessage,
  stateMessageTexts,
} from './workshopProtocol.js';

const stamp = (id = 'new-1') => ({ actorId: 'ann', at: '2025-03-04T09:30:00.000Z', newId: () => id });
const message = (commandValue: unknown, commandId = 'c-1') => ({
  v: 1,
  type: 'command',
  commandId,
  command: commandValue,
});

describe('readClientMessage', () => {
  it('reads a command and a presence message, as text or as parsed JSON', () => {
    const raw = JSON.stringify(message({ type: 'castVote', noteId: 'n1' }));
    expect(readClientMessage(raw)).toEqual({
      ok: true,
      message: { v: 1, type: 'command', commandId: 'c-1', command: { type: 'castVote', noteId: 'n1' } },
    });
    expect(readClientMessage({ v: 1, type: 'presence', cursor: { x: 1, y: 2 } })).toEqual({
      ok: true,
      message: { v: 1, type: 'presence', cursor: { x: 1, y: 2 } },
    });
  });

  it('trims texts', () => {
    const read = readClientMessage(message({ type: 'join', name: '  Ann ', role: 'participant' }));
    expect(read.ok && read.message.type === 'command' && read.message.command).toEqual({
      type: 'join',
      name: 'Ann',
      role: 'participant',
    });
  });

  it('refuses what is not JSON, another version, and says which command it was', () => {
    expect(readClientMessage('{nope')).toEqual({
      ok: false,
      error: {
        v: 1,
        type: 'error',
        commandId: null,
        code: 'invalid-message',
        message: 'message must be a JSON object',
      },
    });
    const old = readClientMessage({ ...message({ type: 'advance' }, 'c-9'), v: 0 });
    expect(old.ok === false && old.error).toMatchObject({ code: 'unsupported-version', commandId: 'c-9' });
  });

  it('refuses an actor, a time or a new id sent by the browser: the server stamps those', () => {
    for (const forged of [
      { type: 'advance', actorId: facilitator },
      { type: 'advance', at: '2020-01-01T00:00:00Z' },
      { type: 'addNode', nodeId: 'mine', label: 'X', automation: 'manual', lane: 'delivery', x: 0, y: 0 },
      { type: 'refreshMeasured', measured: {} },
    ]) {
      const read = readClientMessage(message(forged));
      expect(read.ok === false && read.error.code).toBe('invalid-message');
    }
  });

  it('names the field and the problem', () => {
    const read = readClientMessage(
      message({ type: 'addNote', nodeId: 's1', kind: 'improvement', text: ' ' }),
    );
    expect(read.ok === false && read.error.message).toBe('command.text: must not be empty');
    const vote = readClientMessage(message({ type: 'setVotesPerPerson', votes: 11 }));
    expect(vote.ok === false && vote.error.message).toMatch(/^command\.votes: /);
    const unknown = readClientMessage(message({ type: 'dance' }));
    expect(unknown.ok === false && unknown.error.code).toBe('invalid-message');
  });
});

describe('client commands', () => {
  it('cover every command but the one only the server sends', () => {
    const types = clientCommandSchema.options.map((option) => option.shape.type.value);
    expect([...types].sort()).toEqual(commandTypes.filter((type) => type !== 'refreshMeasured').sort());
    expectTypeOf<ClientCommand['type']>().toEqualTypeOf<Exclude<CommandType, 'refreshMeasured'>>();
  });

  it('are stamped with the actor, the time and, when they create something, a new id', () => {
    expect(
      stampCommand({ type: 'addNote', nodeId: 's1', kind: 'improvement', text: 'Cache' }, stamp('n-7')),
    ).toEqual({
      command: {
        type: 'addNote',
        nodeId: 's1',
        kind: 'improvement',
        text: 'Cache',
        noteId: 'n-7',
        actorId: 'ann',
        at: '2025-03-04T09:30:00.000Z',
      },
      createdId: 'n-7',
    });
    const newId = () => {
      throw new Error('no id needed');
    };
    expect(stampCommand({ type: 'castVote', noteId: 'n1' }, { ...stamp(), newId })).toEqual({
      command: { type: 'castVote', noteId: 'n1', actorId: 'ann', at: '2025-03-04T09:30:00.000Z' },
      createdId: null,
    });
  });

  it('once stamped, are applied by the core', () => {
    let state = inPhase(withPeople(), 'pathToProduction');
    for (const [wire, id] of [
      [{ type: 'addNode', label: 'Build', automation: 'automated', lane: 'delivery', x: 0, y: 0 }, 's1'],
      [
        {
          type: 'addNode',
          label: 'Deploy',
          automation: 'manual',
          lane: 'delivery',
          waitMinutes: 30,
          x: 100,
          y: 0,
        },
        's2',
      ],
      [{ type: 'addEdge', from: 's1', to: 's2' }, 'e1'],
      [{ type: 'addNote', nodeId: 's2', kind: 'improvement', text: 'Automate' }, 'n1'],
      [{ type: 'updateNode', nodeId: 's2', waitMinutes: null }, ''],
    ] as const) {
      const read = readClientMessage(message(wire));
      if (!read.ok || read.message.type !== 'command') throw new Error(JSON.stringify(read));
      const result = apply(state, stampCommand(read.message.command, stamp(id)).command);
      if (!result.ok) throw new Error(result.error.message);
      state = result.state;
    }
    expect(state.flow.nodes.map((node) => [node.id, node.waitMinutes])).toEqual([
      ['s1', null],
      ['s2', null],
    ]);
    expect(state.flow.edges).toEqual([{ id: 'e1', from: 's1', to: 's2' }]);
    expect(state.flow.notes.map((note) => [note.id, note.authorId])).toEqual([['n1', 'ann']]);
  });
});

describe('server messages', () => {
  it("serialise everyone's state message at once into each one's own text", () => {
    fc.assert(
      fc.property(commandSequence, (commands) => {
        const state = applyAll(generatedCheckpoint(), commands).at(-1)!;
        const people = [...generatedPeople, 'zed:7'];
        const texts = stateMessageTexts(viewsFor(state, people));
        expect([...texts.keys()]).toEqual(people);
        for (const id of people) {
          expect(texts.get(id)).toBe(JSON.stringify(stateMessage(viewFor(state, id))));
        }
      }),
      { numRuns: 25 },
    );
  });

  it('validate the state, ack, error and presence messages', () => {
    const view = viewFor(withPeople(), 'ann');
    expect(serverMessageSchema.parse(stateMessage(view))).toMatchObject({
      v: protocolVersion,
      type: 'state',
      version: view.version,
    });
    expect(
      serverMessageSchema.safeParse({ v: 1, type: 'ack', commandId: 'c-1', version: 4, createdId: null })
        .success,
    ).toBe(true);
    expect(
      serverMessageSchema.safeParse({
        v: 1,
        type: 'error',
        commandId: 'c-1',
        code: 'wrong-phase',
        message: 'x',
      }).success,
    ).toBe(true);
    expect(
      serverMessageSchema.safeParse({ v: 1, type: 'error', commandId: null, code: 'oops', message: 'x' })
        .success,
    ).toBe(false);
    expect(serverMessageSchema.safeParse({ v: 1, type: 'presence', present: [] }).success).toBe(true);
  });
});
