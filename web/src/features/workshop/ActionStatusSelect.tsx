import { type ActionStatus, actionStatuses } from '../../../../src/core/workshop/index.js';
import { actionStatusText } from './workshopText.js';

/** Where an action stands, as a choice named after the action. */
export function ActionStatusSelect({
  title,
  status,
  disabled = false,
  onChange,
}: {
  title: string;
  status: ActionStatus;
  disabled?: boolean;
  onChange: (status: ActionStatus) => void;
}) {
  return (
    <select
      aria-label={`Status of ${title}`}
      value={status}
      disabled={disabled}
      onChange={(event) => onChange(event.target.value as ActionStatus)}
    >
      {actionStatuses.map((entry) => (
        <option key={entry} value={entry}>
          {actionStatusText[entry]}
        </option>
      ))}
    </select>
  );
}
