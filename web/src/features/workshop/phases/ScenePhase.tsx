import { formatWindow } from '../../../lib/format.js';
import { ActionStatusSelect } from '../ActionStatusSelect.js';
import type { PhaseProps } from '../liveRoom.js';
import { actionStatusText } from '../workshopText.js';

/** The squad's measured keys since the last checkpoint, and what became of the last actions. */
export function ScenePhase({ room }: PhaseProps) {
  const { view, isFacilitator, act } = room;
  const { measured, previousActions } = view.scene;
  return (
    <div className="phase-columns">
      <div>
        <h3>What the data says</h3>
        {measured === null ? (
          <p className="muted">No measurements for this squad: its services send no events yet.</p>
        ) : (
          <table className="data-table compact">
            <caption>Measured {formatWindow(measured.from, measured.to)}</caption>
            <thead>
              <tr>
                <th scope="col">Key</th>
                <th scope="col">Measured</th>
              </tr>
            </thead>
            <tbody>
              {measured.figures.map((figure) => (
                <tr key={figure.measure}>
                  <th scope="row">{figure.label}</th>
                  <td>{figure.value}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>
      <div>
        <h3>Last checkpoint's actions</h3>
        {previousActions.length === 0 ? (
          <p className="muted">This is the squad's first checkpoint: no actions to review.</p>
        ) : (
          <table className="data-table compact">
            <caption>Reviewed first: done, in progress or dropped?</caption>
            <thead>
              <tr>
                <th scope="col">Action</th>
                <th scope="col">Owner</th>
                <th scope="col">Due</th>
                <th scope="col">Status</th>
              </tr>
            </thead>
            <tbody>
              {previousActions.map((action) => (
                <tr key={action.id}>
                  <th scope="row">{action.title}</th>
                  <td>{action.owner ?? '—'}</td>
                  <td>{action.due ?? '—'}</td>
                  <td>
                    {isFacilitator && room.isOpen ? (
                      <ActionStatusSelect
                        title={action.title}
                        status={action.status}
                        onChange={(status) =>
                          act({ type: 'setPreviousActionStatus', actionId: action.id, status })
                        }
                      />
                    ) : (
                      actionStatusText[action.status]
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>
    </div>
  );
}
