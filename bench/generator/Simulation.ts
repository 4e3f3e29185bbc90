/**
 * The discrete-event core of the generator: actions run in time order and emit wire events, which
 * come out in order of their arrival time. Every action emits only at or after its own time, so an
 * event can be released as soon as the next action lies beyond it — memory stays bounded by what is
 * scheduled, not by what was generated.
 */

import type { CanonicalEventInput } from '../../src/contract/events.js';
import type { Instant } from '../../src/core/events.js';
import { MinHeap, type Timed } from './MinHeap.js';

interface Action extends Timed {
  run: () => void;
}

interface Emitted extends Timed {
  event: CanonicalEventInput;
}

/** Runs scheduled actions in time order and collects the events they emit. */
export class Simulation {
  private readonly actions = new MinHeap<Action>();
  private readonly output = new MinHeap<Emitted>();
  private readonly counters = new Map<string, number>();
  private seq = 0;

  /**
   * @param start first instant of generated history
   * @param end last instant: actions and events after it are dropped
   * @param timezone IANA zone of the organisation's working days
   */
  constructor(
    readonly start: Instant,
    readonly end: Instant,
    readonly timezone: string,
  ) {}

  /** Runs `run` at `at` (dropped when after the end). */
  schedule(at: Instant, run: () => void): void {
    if (at > this.end) return;
    this.actions.push({ at, seq: this.seq++, run });
  }

  /** Emits an event arriving at `at` (dropped when after the end). */
  emit(at: Instant, event: CanonicalEventInput): void {
    if (at > this.end) return;
    this.output.push({ at, seq: this.seq++, event });
  }

  /** The next number of a named sequence (deployment and incident ids), starting at `first`. */
  next(counter: string, first = 1): number {
    const value = this.counters.get(counter) ?? first;
    this.counters.set(counter, value + 1);
    return value;
  }

  /** How far through the period an instant lies, 0 at the start and 1 at the end. */
  progress(at: Instant): number {
    return Math.min(1, Math.max(0, (at - this.start) / (this.end - this.start)));
  }

  /** Runs every action and yields the events in arrival order. */
  *run(): Generator<CanonicalEventInput> {
    for (;;) {
      const action = this.actions.pop();
      if (action === undefined) break;
      for (let top = this.output.peek(); top !== undefined && top.at < action.at; top = this.output.peek()) {
        this.output.pop();
        yield top.event;
      }
      action.run();
    }
    for (let top = this.output.pop(); top !== undefined; top = this.output.pop()) yield top.event;
  }
}
