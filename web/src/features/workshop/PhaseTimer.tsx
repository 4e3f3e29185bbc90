import { useEffect, useState } from 'react';
import type { PhaseTimer as Timer } from '../../../../src/core/workshop/index.js';

const clock = (seconds: number) =>
  `${Math.floor(seconds / 60)}:${String(Math.floor(seconds % 60)).padStart(2, '0')}`;

/** The time left in the phase, ticking each second; screen readers hear it only when time is up. */
export function PhaseTimer({ timer }: { timer: Timer | undefined }) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (timer === undefined) return;
    const tick = setInterval(() => setNow(Date.now()), 1_000);
    return () => clearInterval(tick);
  }, [timer]);
  if (timer === undefined) return null;
  const left = Math.max(0, (Date.parse(timer.startedAt) + timer.durationSeconds * 1_000 - now) / 1_000);
  return (
    <p className={`phase-timer${left === 0 ? ' phase-timer-up' : ''}`}>
      <span className="visually-hidden">Timer: </span>
      {left === 0 ? (
        <span role="status">Time is up</span>
      ) : (
        <>
          <span className="timer-digits">{clock(left)}</span> left
        </>
      )}
    </p>
  );
}
