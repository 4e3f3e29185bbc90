/**
 * The main-branch history of one repository in push order, keeping only the recent part that
 * deployments and reverts can still refer to.
 */

/** A change on the main branch as the simulation remembers it. */
export interface LoggedChange {
  sha: string;
  /** Absolute position in push order. */
  index: number;
  /** Paths touched (monorepos only). */
  files?: string[];
  /** Services of a monorepo whose path the change touches; absent: every service of the repo. */
  touches?: string[];
  /** Whether the change is a merge commit (never reverted on its own). */
  merge: boolean;
  /** Whether the change reverts another (never reverted again). */
  revert: boolean;
}

/** Push-ordered main-branch history with absolute indices and trimming of the old part. */
export class RepoHistory {
  private entries: LoggedChange[] = [];
  private base = 0;

  /** Index of the head (the last pushed change), −1 when empty. */
  get headIndex(): number {
    return this.base + this.entries.length - 1;
  }

  /** The head change, if any. */
  get head(): LoggedChange | undefined {
    return this.entries[this.entries.length - 1];
  }

  /** The change at an absolute index, if still kept. */
  at(index: number): LoggedChange | undefined {
    return index < this.base ? undefined : this.entries[index - this.base];
  }

  /** Appends a change at the head (taking the object over) and returns it with its index. */
  append(change: Omit<LoggedChange, 'index'>): LoggedChange {
    const entry = change as LoggedChange;
    entry.index = this.headIndex + 1;
    this.entries.push(entry);
    return entry;
  }

  /** The kept changes after index `after` up to and including `to`, oldest first. */
  range(after: number, to: number): LoggedChange[] {
    const from = Math.max(after + 1, this.base) - this.base;
    return this.entries.slice(Math.max(0, from), Math.max(0, to - this.base + 1));
  }

  /** Forgets changes before absolute index `keepFrom` (in large steps, so trimming is cheap). */
  trim(keepFrom: number): void {
    const drop = keepFrom - this.base;
    if (drop < 512) return;
    this.entries = this.entries.slice(drop);
    this.base = keepFrom;
  }
}
