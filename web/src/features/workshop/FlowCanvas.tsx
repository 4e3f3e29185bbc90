import {
  applyNodeChanges,
  Background,
  Controls,
  type Edge,
  Handle,
  MarkerType,
  type Node,
  type NodeChange,
  type NodeProps,
  Position,
  ReactFlow,
  ReactFlowProvider,
  useReactFlow,
  ViewportPortal,
} from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { type MouseEvent, useEffect, useMemo, useRef, useState } from 'react';
import { type FlowNote, type FlowState, formatWait } from '../../../../src/core/workshop/index.js';
import { useTheme } from '../../lib/theme.js';
import type { LiveRoom } from './liveRoom.js';
import { noteKindText } from './workshopText.js';

type StepData = {
  label: string;
  automation: 'manual' | 'automated';
  waitMinutes: number | null;
  notes: FlowNote[];
  /** Other people who have this step selected. */
  selectedBy: string[];
};
type StepNode = Node<StepData, 'step'>;

/** One step: its name, whether a person or a machine does it, the wait before it and its sticky notes. */
function StepCard({ data, selected }: NodeProps<StepNode>) {
  return (
    <div
      className={`flow-step flow-step-${data.automation}${selected ? ' flow-step-selected' : ''}${data.selectedBy.length > 0 ? ' flow-step-shared' : ''}`}
    >
      <Handle type="target" position={Position.Left} />
      <div className="flow-step-label">{data.label}</div>
      <div className="flow-step-meta">
        {data.automation === 'manual' ? 'by hand' : '⚙ automatic'}
        {data.waitMinutes !== null && ` · waits ${formatWait(data.waitMinutes)}`}
      </div>
      {data.selectedBy.length > 0 && (
        <div className="flow-step-presence">{data.selectedBy.join(', ')} here</div>
      )}
      {data.notes.map((note) => (
        <div key={note.id} className={`sticky sticky-${note.kind}`}>
          <span className="note-kind">{noteKindText[note.kind]}:</span> {note.text}
        </div>
      ))}
      <Handle type="source" position={Position.Right} />
    </div>
  );
}

const nodeTypes = { step: StepCard };

function toNodes(flow: FlowState, selectedBy: Map<string, string[]>, previous: StepNode[]): StepNode[] {
  const before = new Map(previous.map((node) => [node.id, node]));
  return flow.nodes.map((node) => {
    const old = before.get(node.id);
    return {
      id: node.id,
      type: 'step',
      position: { x: node.x, y: node.y },
      selected: old?.selected === true,
      // React Flow draws links only between measured steps: keep what it measured until it measures again.
      ...(old?.measured === undefined ? {} : { measured: old.measured }),
      ariaLabel: `${node.label}, ${node.automation === 'manual' ? 'by hand' : 'automatic'}`,
      data: {
        label: node.label,
        automation: node.automation,
        waitMinutes: node.waitMinutes,
        notes: flow.notes.filter((note) => note.nodeId === node.id),
        selectedBy: selectedBy.get(node.id) ?? [],
      },
    };
  });
}

function Canvas({ room }: { room: LiveRoom }) {
  const { flow } = room.view;
  const { screenToFlowPosition, fitView } = useReactFlow();
  const theme = useTheme();
  const editable = room.canTakePart && room.isOpen;
  const others = useMemo(
    () => room.presence.filter((entry) => entry.participantId !== room.view.you?.id),
    [room.presence, room.view.you?.id],
  );
  const selectedBy = useMemo(() => {
    const map = new Map<string, string[]>();
    for (const entry of others) {
      if (entry.selectedNodeId !== null)
        map.set(entry.selectedNodeId, [...(map.get(entry.selectedNodeId) ?? []), entry.name]);
    }
    return map;
  }, [others]);
  const [nodes, setNodes] = useState<StepNode[]>(() => toNodes(flow, selectedBy, []));
  const dragging = useRef(false);
  useEffect(() => {
    // The server's flow wins, except while this person is dragging a step.
    if (!dragging.current) setNodes((previous) => toNodes(flow, selectedBy, previous));
  }, [flow, selectedBy]);
  const count = flow.nodes.length;
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs when a step is added or removed, not on every move
  useEffect(() => {
    // A step added or removed: show the whole path again (after React Flow has measured the new step).
    const later = setTimeout(() => void fitView({ maxZoom: 1, padding: 0.15 }), 60);
    return () => clearTimeout(later);
  }, [count, fitView]);
  const edges: Edge[] = useMemo(
    () =>
      flow.edges.map((edge) => ({
        id: edge.id,
        source: edge.from,
        target: edge.to,
        markerEnd: { type: MarkerType.ArrowClosed },
      })),
    [flow.edges],
  );
  const lastSent = useRef(0);
  const onMouseMove = (event: MouseEvent) => {
    const now = Date.now();
    if (now - lastSent.current < 80) return;
    lastSent.current = now;
    const point = screenToFlowPosition({ x: event.clientX, y: event.clientY });
    room.sendPresence({ cursor: { x: Math.round(point.x), y: Math.round(point.y) } });
  };
  return (
    <div className="flow-canvas">
      <ReactFlow<StepNode, Edge>
        nodes={nodes}
        edges={edges}
        nodeTypes={nodeTypes}
        colorMode={theme}
        fitView
        fitViewOptions={{ maxZoom: 1, padding: 0.15 }}
        minZoom={0.3}
        nodesDraggable={editable}
        nodesConnectable={editable}
        elementsSelectable
        deleteKeyCode={editable ? ['Delete', 'Backspace'] : null}
        onNodesChange={(changes: NodeChange<StepNode>[]) =>
          setNodes((current) => applyNodeChanges(changes, current))
        }
        onNodeDragStart={() => {
          dragging.current = true;
        }}
        onNodeDragStop={(_event, node) => {
          dragging.current = false;
          void room.act({
            type: 'moveNode',
            nodeId: node.id,
            x: Math.round(node.position.x),
            y: Math.round(node.position.y),
          });
        }}
        onConnect={(connection) => {
          if (connection.source !== connection.target)
            void room.act({ type: 'addEdge', from: connection.source, to: connection.target });
        }}
        onNodesDelete={(deleted) => {
          for (const node of deleted) void room.act({ type: 'removeNode', nodeId: node.id });
        }}
        onEdgesDelete={(deleted) => {
          for (const edge of deleted) void room.act({ type: 'removeEdge', edgeId: edge.id });
        }}
        onSelectionChange={({ nodes: selected }) =>
          room.sendPresence({ selectedNodeId: selected[0]?.id ?? null })
        }
        onPaneMouseMove={onMouseMove}
        onPaneMouseLeave={() => room.sendPresence({ cursor: null })}
        onNodeMouseMove={onMouseMove}
        proOptions={{ hideAttribution: true }}
      >
        <Background />
        <Controls showInteractive={false} />
        <ViewportPortal>
          {others
            .filter((entry) => entry.cursor !== null)
            .map((entry) => (
              <div
                key={entry.participantId}
                className="remote-cursor"
                style={{ transform: `translate(${entry.cursor?.x}px, ${entry.cursor?.y}px)` }}
              >
                <span aria-hidden="true">➤</span> {entry.name}
              </div>
            ))}
        </ViewportPortal>
      </ReactFlow>
    </div>
  );
}

/** The path to production on a canvas: drag steps, draw links between them, see where others are. */
export function FlowCanvas({ room }: { room: LiveRoom }) {
  return (
    <section className="flow-canvas-wrap" aria-label="Path to production canvas">
      <ReactFlowProvider>
        <Canvas room={room} />
      </ReactFlowProvider>
    </section>
  );
}
