import type { PrivateItemView } from '../../../../src/core/workshop/index.js';
import type { LiveRoom } from './liveRoom.js';

/**
 * How far a privately answered item is: how many have answered (never who), the reader's own answer,
 * and for the facilitator the reveal, which waits for three answers or everyone's.
 */
export function PrivateItemStatus({
  item,
  room,
  what,
  onReveal,
}: {
  item: PrivateItemView;
  room: LiveRoom;
  what: string;
  onReveal: () => void;
}) {
  return (
    <div className="item-status">
      <p className="answered">
        <strong>
          {item.answered} of {item.expected}
        </strong>{' '}
        answered{item.youAnswered ? ' · your answer is in' : ''}
        {item.revealed ? ' · revealed' : ''}
      </p>
      {room.isFacilitator && !item.revealed && (
        <button type="button" onClick={onReveal} disabled={!item.canReveal || !room.isOpen}>
          Reveal the answers to {what}
        </button>
      )}
      {room.isFacilitator && !item.revealed && !item.canReveal && item.answered > 0 && (
        <p className="muted small">The spread shows once 3 people, or everyone present, have answered.</p>
      )}
    </div>
  );
}
