/**
 * The steps of the path to production in the order work flows through them, per lane (delivery,
 * then recovery): links decide the order, position breaks ties (left to right, then top to bottom),
 * and a loop is entered at its left-most step. Links between lanes do not order either lane.
 */
import type { FlowLane, FlowNode, FlowState } from './checkpointState.js';

function byPosition(a: FlowNode, b: FlowNode): number {
  if (a.x !== b.x) return a.x - b.x;
  if (a.y !== b.y) return a.y - b.y;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

function orderLane(flow: FlowState, lane: FlowLane): FlowNode[] {
  const remaining = flow.nodes.filter((node) => node.lane === lane).sort(byPosition);
  const ids = new Set(remaining.map((node) => node.id));
  const edges = flow.edges.filter((edge) => ids.has(edge.from) && ids.has(edge.to));
  const ordered: FlowNode[] = [];
  while (remaining.length > 0) {
    const left = new Set(remaining.map((node) => node.id));
    const ready = remaining.find((node) => !edges.some((edge) => edge.to === node.id && left.has(edge.from)));
    const next = ready ?? remaining[0]!;
    ordered.push(next);
    remaining.splice(remaining.indexOf(next), 1);
  }
  return ordered;
}

/** The steps of each lane in flow order. */
export function orderFlow(flow: FlowState): { delivery: FlowNode[]; recovery: FlowNode[] } {
  return { delivery: orderLane(flow, 'delivery'), recovery: orderLane(flow, 'recovery') };
}
