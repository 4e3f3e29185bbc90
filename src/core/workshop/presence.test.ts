import { describe, expect, it } from 'vitest';
import { dropPresence, listPresence, type PresenceMap, updatePresence } from './presence.js';
import { command, inPhase, mustApply, withPeople } from './testCheckpoint.js';

describe('presence', () => {
  const state = mustApply(
    inPhase(withPeople(['ann', 'bob'], ['vic']), 'pathToProduction'),
    command('addNode', 'ann', {
      nodeId: 's1',
      label: 'Build',
      automation: 'automated',
      lane: 'delivery',
      x: 0,
      y: 0,
    }),
  );

  it('keeps cursors and selections apart from the state, patch by patch', () => {
    let map: PresenceMap = {};
    map = updatePresence(map, 'ann', { cursor: { x: 1, y: 2 } }, 't1');
    map = updatePresence(map, 'ann', { selectedNodeId: 's1' }, 't2');
    expect(map.ann).toEqual({
      participantId: 'ann',
      cursor: { x: 1, y: 2 },
      selectedNodeId: 's1',
      seenAt: 't2',
    });
    map = updatePresence(map, 'ann', { cursor: null }, 't3');
    expect(map.ann?.cursor).toBeNull();
    expect(dropPresence(map, 'ann')).toEqual({});
  });

  it('lists those still in the checkpoint by name, dropping selections of removed steps', () => {
    let map: PresenceMap = {};
    map = updatePresence(map, 'bob', { selectedNodeId: 'gone' }, 't1');
    map = updatePresence(map, 'ann', { selectedNodeId: 's1' }, 't1');
    map = updatePresence(map, 'zed', {}, 't1');
    const left = mustApply(state, command('leave', 'vic', {}));
    map = updatePresence(map, 'vic', {}, 't1');
    expect(listPresence(map, left).map((entry) => [entry.name, entry.selectedNodeId])).toEqual([
      ['Name of ann', 's1'],
      ['Name of bob', null],
    ]);
    expect(left.version).toBe(state.version + 1);
    expect(listPresence({}, state)).toEqual([]);
  });
});
