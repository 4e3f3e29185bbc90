import { describe, expect, it } from 'vitest';
import type { FlowEdge, FlowNode } from './checkpointState.js';
import { orderFlow } from './orderFlow.js';

const node = (id: string, x: number, lane: FlowNode['lane'] = 'delivery', y = 0): FlowNode => ({
  id,
  label: id,
  automation: 'manual',
  lane,
  waitMinutes: null,
  x,
  y,
});
const edge = (from: string, to: string): FlowEdge => ({ id: `${from}-${to}`, from, to });
const ids = (nodes: readonly FlowNode[]) => nodes.map((entry) => entry.id);

describe('orderFlow', () => {
  it('follows the links, whatever the positions', () => {
    const flow = {
      nodes: [node('deploy', 0), node('commit', 300), node('build', 100)],
      edges: [edge('commit', 'build'), edge('build', 'deploy')],
      notes: [],
    };
    expect(ids(orderFlow(flow).delivery)).toEqual(['commit', 'build', 'deploy']);
  });

  it('orders unlinked steps and branches left to right, then top to bottom', () => {
    const flow = {
      nodes: [node('c', 200), node('b', 100, 'delivery', 50), node('a', 0), node('b2', 100, 'delivery', 10)],
      edges: [edge('a', 'b'), edge('a', 'b2')],
      notes: [],
    };
    expect(ids(orderFlow(flow).delivery)).toEqual(['a', 'b2', 'b', 'c']);
  });

  it('enters a loop at its left-most step and keeps the lanes apart', () => {
    const flow = {
      nodes: [
        node('x', 50),
        node('y', 10),
        node('z', 90),
        node('rollback', 0, 'recovery'),
        node('alert', -10, 'recovery'),
      ],
      edges: [
        edge('x', 'y'),
        edge('y', 'z'),
        edge('z', 'x'),
        edge('z', 'rollback'),
        edge('alert', 'rollback'),
      ],
      notes: [],
    };
    const ordered = orderFlow(flow);
    expect(ids(ordered.delivery)).toEqual(['y', 'z', 'x']);
    expect(ids(ordered.recovery)).toEqual(['alert', 'rollback']);
  });
});
