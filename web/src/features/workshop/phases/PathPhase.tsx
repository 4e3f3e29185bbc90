import { lazy, Suspense, useId, useState } from 'react';
import {
  type Automation,
  type FlowLane,
  type FlowNode,
  formatWait,
  type NoteKind,
  orderFlow,
} from '../../../../../src/core/workshop/index.js';
import { Skeleton } from '../../../ui/QueryState.js';
import type { LiveRoom, PhaseProps } from '../liveRoom.js';
import { noteKindText } from '../workshopText.js';

// React Flow is large: it loads only when someone reaches this phase.
const FlowCanvas = lazy(() => import('../FlowCanvas.js').then((module) => ({ default: module.FlowCanvas })));

const laneText: Record<FlowLane, string> = {
  delivery: 'Delivering a change',
  recovery: 'Recovering from a failure',
};
/** Where new steps go on the canvas: one row per lane, left to right. */
const laneY: Record<FlowLane, number> = { delivery: 0, recovery: 260 };
const stepSpacing = 240;

function AddStep({ room }: { room: LiveRoom }) {
  const id = useId();
  const [label, setLabel] = useState('');
  const [lane, setLane] = useState<FlowLane>('delivery');
  const [automation, setAutomation] = useState<Automation>('manual');
  const [wait, setWait] = useState('');
  const inLane = room.view.flow.nodes.filter((node) => node.lane === lane);
  const x = inLane.reduce((most, node) => Math.max(most, node.x + stepSpacing), 0);
  return (
    <form
      className="step-form"
      aria-labelledby={`${id}-title`}
      onSubmit={(event) => {
        event.preventDefault();
        if (label.trim() === '') return;
        void room
          .act({
            type: 'addNode',
            label: label.trim(),
            lane,
            automation,
            waitMinutes: wait === '' ? null : Number(wait),
            x,
            y: laneY[lane],
          })
          .then((outcome) => {
            if (outcome.ok) {
              setLabel('');
              setWait('');
            }
          });
      }}
    >
      <h3 id={`${id}-title`}>Add a step</h3>
      <div className="field">
        <label htmlFor={`${id}-label`}>Step</label>
        <input id={`${id}-label`} value={label} onChange={(event) => setLabel(event.target.value)} />
      </div>
      <div className="field">
        <label htmlFor={`${id}-lane`}>Path</label>
        <select id={`${id}-lane`} value={lane} onChange={(event) => setLane(event.target.value as FlowLane)}>
          <option value="delivery">{laneText.delivery}</option>
          <option value="recovery">{laneText.recovery}</option>
        </select>
      </div>
      <fieldset className="radio-row">
        <legend>Done</legend>
        {(['manual', 'automated'] as const).map((value) => (
          <label key={value}>
            <input
              type="radio"
              name={`${id}-automation`}
              checked={automation === value}
              onChange={() => setAutomation(value)}
            />{' '}
            {value === 'manual' ? 'by hand' : 'automatically'}
          </label>
        ))}
      </fieldset>
      <div className="field">
        <label htmlFor={`${id}-wait`}>Wait before it (minutes, optional)</label>
        <input
          id={`${id}-wait`}
          type="number"
          min={0}
          step={1}
          value={wait}
          onChange={(event) => setWait(event.target.value)}
        />
      </div>
      <button type="submit" className="button-primary" disabled={!room.isOpen || label.trim() === ''}>
        Add the step
      </button>
    </form>
  );
}

function StepOptions({ steps }: { steps: FlowNode[] }) {
  return steps.map((node) => (
    <option key={node.id} value={node.id}>
      {node.label}
    </option>
  ));
}

function AddLink({ room, steps }: { room: LiveRoom; steps: FlowNode[] }) {
  const id = useId();
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  return (
    <form
      className="inline-form"
      onSubmit={(event) => {
        event.preventDefault();
        if (from !== '' && to !== '') void room.act({ type: 'addEdge', from, to });
      }}
    >
      <label htmlFor={`${id}-from`}>Link from</label>
      <select id={`${id}-from`} value={from} onChange={(event) => setFrom(event.target.value)}>
        <option value="">Choose…</option>
        <StepOptions steps={steps} />
      </select>
      <label htmlFor={`${id}-to`}>to</label>
      <select id={`${id}-to`} value={to} onChange={(event) => setTo(event.target.value)}>
        <option value="">Choose…</option>
        <StepOptions steps={steps} />
      </select>
      <button type="submit" disabled={!room.isOpen || from === '' || to === '' || from === to}>
        Link the steps
      </button>
    </form>
  );
}

function AddNote({ room, steps }: { room: LiveRoom; steps: FlowNode[] }) {
  const id = useId();
  const [nodeId, setNodeId] = useState('');
  const [kind, setKind] = useState<NoteKind>('improvement');
  const [text, setText] = useState('');
  return (
    <form
      className="inline-form"
      onSubmit={(event) => {
        event.preventDefault();
        if (nodeId === '' || text.trim() === '') return;
        void room.act({ type: 'addNote', nodeId, kind, text: text.trim() }).then((outcome) => {
          if (outcome.ok) setText('');
        });
      }}
    >
      <label htmlFor={`${id}-step`}>Sticky note on</label>
      <select id={`${id}-step`} value={nodeId} onChange={(event) => setNodeId(event.target.value)}>
        <option value="">Choose a step…</option>
        <StepOptions steps={steps} />
      </select>
      <label htmlFor={`${id}-kind`}>Kind</label>
      <select id={`${id}-kind`} value={kind} onChange={(event) => setKind(event.target.value as NoteKind)}>
        <option value="improvement">{noteKindText.improvement}</option>
        <option value="failedDeployment">{noteKindText.failedDeployment}</option>
      </select>
      <label htmlFor={`${id}-text`}>Note</label>
      <input id={`${id}-text`} value={text} onChange={(event) => setText(event.target.value)} />
      <button type="submit" disabled={!room.isOpen || nodeId === '' || text.trim() === ''}>
        Stick the note
      </button>
    </form>
  );
}

function WaitInput({ node, room }: { node: FlowNode; room: LiveRoom }) {
  const [text, setText] = useState(node.waitMinutes === null ? '' : String(node.waitMinutes));
  const save = () => {
    const value = text === '' ? null : Number(text);
    if (value !== node.waitMinutes)
      void room.act({ type: 'updateNode', nodeId: node.id, waitMinutes: value });
  };
  return (
    <input
      className="wait-input"
      type="number"
      min={0}
      step={1}
      aria-label={`Wait before ${node.label}, in minutes`}
      value={text}
      disabled={!room.isOpen}
      onChange={(event) => setText(event.target.value)}
      onBlur={save}
      onKeyDown={(event) => {
        if (event.key === 'Enter') save();
      }}
    />
  );
}

/** The steps as a table anyone can edit with a keyboard or a screen reader, beside the canvas. */
function StepTable({ room }: { room: LiveRoom }) {
  const { flow } = room.view;
  const ordered = orderFlow(flow);
  const editable = room.canTakePart && room.isOpen;
  const rows = [...ordered.delivery, ...ordered.recovery];
  const labelOf = (nodeId: string) => flow.nodes.find((node) => node.id === nodeId)?.label ?? '?';
  if (rows.length === 0)
    return <p className="muted">No steps yet: add the first one, from writing code onwards.</p>;
  return (
    <>
      <table className="data-table compact steps-table">
        <caption>Steps in the order work flows through them</caption>
        <thead>
          <tr>
            <th scope="col">Step</th>
            <th scope="col">Path</th>
            <th scope="col">Done</th>
            <th scope="col">Wait (min)</th>
            <th scope="col">Sticky notes</th>
            {editable && <th scope="col">Change</th>}
          </tr>
        </thead>
        <tbody>
          {rows.map((node) => (
            <tr key={node.id}>
              <th scope="row">{node.label}</th>
              <td>{laneText[node.lane]}</td>
              <td>
                <span className={`automation automation-${node.automation}`}>
                  {node.automation === 'manual' ? 'by hand' : 'automatically'}
                </span>
              </td>
              <td>
                {editable ? (
                  <WaitInput node={node} room={room} key={`${node.waitMinutes}`} />
                ) : node.waitMinutes === null ? (
                  '—'
                ) : (
                  formatWait(node.waitMinutes)
                )}
              </td>
              <td>
                <ul className="note-list">
                  {flow.notes
                    .filter((note) => note.nodeId === node.id)
                    .map((note) => (
                      <li key={note.id} className={`note note-${note.kind}`}>
                        <span className="note-kind">{noteKindText[note.kind]}:</span> {note.text}
                        {editable && (
                          <button
                            type="button"
                            className="button-small"
                            onClick={() => room.act({ type: 'removeNote', noteId: note.id })}
                            aria-label={`Remove the note ${note.text}`}
                          >
                            ×
                          </button>
                        )}
                      </li>
                    ))}
                </ul>
              </td>
              {editable && (
                <td className="row-actions">
                  <button
                    type="button"
                    className="button-small"
                    onClick={() =>
                      room.act({
                        type: 'updateNode',
                        nodeId: node.id,
                        automation: node.automation === 'manual' ? 'automated' : 'manual',
                      })
                    }
                  >
                    Mark <span className="visually-hidden">{node.label}</span>{' '}
                    {node.automation === 'manual' ? 'automated' : 'manual'}
                  </button>
                  <button
                    type="button"
                    className="button-small"
                    onClick={() => room.act({ type: 'removeNode', nodeId: node.id })}
                  >
                    Remove <span className="visually-hidden">{node.label}</span>
                  </button>
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
      {flow.edges.length > 0 && (
        <>
          <h4>Links</h4>
          <ul className="plain-list links-list">
            {flow.edges.map((edge) => (
              <li key={edge.id}>
                {labelOf(edge.from)} → {labelOf(edge.to)}
                {editable && (
                  <button
                    type="button"
                    className="button-small"
                    onClick={() => room.act({ type: 'removeEdge', edgeId: edge.id })}
                    aria-label={`Remove the link from ${labelOf(edge.from)} to ${labelOf(edge.to)}`}
                  >
                    ×
                  </button>
                )}
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}

/**
 * The path to production, drawn together: a canvas to drag and link steps, and the same steps as a
 * table and forms, so that every change can be made without a mouse. Everyone's edits and cursors
 * show live.
 */
export function PathPhase({ room }: PhaseProps) {
  const { flow } = room.view;
  const editable = room.canTakePart && room.isOpen;
  const others = room.presence.filter((entry) => entry.participantId !== room.view.you?.id);
  return (
    <div className="path-phase">
      <p className="muted" aria-live="polite">
        {others.length === 0
          ? 'Nobody else is here right now.'
          : `Here now: ${others
              .map((entry) => {
                const step = flow.nodes.find((node) => node.id === entry.selectedNodeId);
                return step ? `${entry.name} (on ${step.label})` : entry.name;
              })
              .join(', ')}.`}
      </p>
      <Suspense fallback={<Skeleton height="26rem" label="Loading the canvas…" />}>
        <FlowCanvas room={room} />
      </Suspense>
      {editable && (
        <div className="flow-forms">
          <AddStep room={room} />
          <div>
            <h3>Link steps and stick notes</h3>
            <AddLink room={room} steps={flow.nodes} />
            <AddNote room={room} steps={flow.nodes} />
          </div>
        </div>
      )}
      <StepTable room={room} />
    </div>
  );
}
