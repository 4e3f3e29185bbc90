import type { Change } from '../events.js';

/** The known changes, indexed by (`repo`, `sha`), with parent links and push order built on demand. */
export interface ChangeCatalog {
  /** Unique by (`repo`, `sha`); a duplicate keeps the earliest arrival. */
  changes: readonly Change[];
  /** Index of a change in `changes`, −1 when unknown. */
  indexOf: (repo: string, sha: string) => number;
  /** Index of a change with this sha in any repository (the earliest arrival), −1 when unknown. */
  indexOfSha: (sha: string) => number;
  /** Indices of the known parents of a change; null when its parents are unknown. */
  parentsOf: (index: number) => Int32Array | null;
  /** Calls `visit` with the index of each known parent of a change. */
  forEachParent: (index: number, visit: (parent: number) => void) => void;
  /**
   * Position of a change in its repository's push order (`pushedAt`, then arrival, then sha), −1 when
   * it has no `pushedAt`; `pushOrder(repo)` lists the indices in that order.
   */
  pushPosition: (index: number) => number;
  pushOrder: (repo: string) => Int32Array;
}

const compareText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Indexes changes for the carrying rules; every structure besides the (repo, sha) index is lazy. */
export function createChangeCatalog(input: readonly Change[]): ChangeCatalog {
  const changes: Change[] = [];
  const byRepo = new Map<string, Map<string, number>>();
  for (const change of input) {
    let shas = byRepo.get(change.repo);
    if (shas === undefined) {
      shas = new Map();
      byRepo.set(change.repo, shas);
    }
    const existing = shas.get(change.sha);
    if (existing === undefined) {
      shas.set(change.sha, changes.length);
      changes.push(change);
    } else if (change.arrival < (changes[existing]?.arrival ?? Number.POSITIVE_INFINITY)) {
      changes[existing] = change;
    }
  }
  const indexOf = (repo: string, sha: string): number => byRepo.get(repo)?.get(sha) ?? -1;

  let bySha: Map<string, number> | null = null;
  const indexOfSha = (sha: string): number => {
    if (bySha === null) {
      const index = new Map<string, number>();
      changes.forEach((change, i) => {
        const seen = index.get(change.sha);
        if (seen === undefined || change.arrival < (changes[seen]?.arrival ?? 0)) index.set(change.sha, i);
      });
      bySha = index;
    }
    return bySha.get(sha) ?? -1;
  };

  // Parent links as one compressed table, resolved on first use: the parents of change i are
  // parentTargets[parentStarts[i] … parentStarts[i + 1]), and hasParents[i] says whether they are known.
  let parentStarts: Int32Array | null = null;
  let parentTargets = new Int32Array(0);
  const hasParents = new Uint8Array(changes.length);
  const resolveParents = (): Int32Array => {
    const starts = new Int32Array(changes.length + 1);
    let total = 0;
    for (const change of changes) total += change.parents?.length ?? 0;
    const targets = new Int32Array(total);
    let used = 0;
    changes.forEach((change, i) => {
      starts[i] = used;
      if (change.parents === undefined) return;
      hasParents[i] = 1;
      const shas = byRepo.get(change.repo);
      for (const sha of change.parents) {
        const parent = shas?.get(sha);
        if (parent !== undefined) targets[used++] = parent;
      }
    });
    starts[changes.length] = used;
    parentTargets = targets;
    parentStarts = starts;
    return starts;
  };
  const parentsOf = (index: number): Int32Array | null => {
    const starts = parentStarts ?? resolveParents();
    if (hasParents[index] !== 1) return null;
    return parentTargets.subarray(starts[index] ?? 0, starts[index + 1] ?? 0);
  };
  const forEachParent = (index: number, visit: (parent: number) => void): void => {
    const starts = parentStarts ?? resolveParents();
    const end = starts[index + 1] ?? 0;
    for (let k = starts[index] ?? 0; k < end; k++) visit(parentTargets[k] ?? 0);
  };

  const positions = new Int32Array(changes.length).fill(-1);
  const orders = new Map<string, Int32Array>();
  const pushOrder = (repo: string): Int32Array => {
    const cached = orders.get(repo);
    if (cached !== undefined) return cached;
    const pushed: number[] = [];
    for (const index of byRepo.get(repo)?.values() ?? []) {
      if (changes[index]?.pushedAt !== undefined) pushed.push(index);
    }
    pushed.sort((a, b) => {
      const ca = changes[a] as Change;
      const cb = changes[b] as Change;
      return (
        (ca.pushedAt ?? 0) - (cb.pushedAt ?? 0) || ca.arrival - cb.arrival || compareText(ca.sha, cb.sha)
      );
    });
    const order = Int32Array.from(pushed);
    order.forEach((index, position) => {
      positions[index] = position;
    });
    orders.set(repo, order);
    return order;
  };
  const pushPosition = (index: number): number => {
    const change = changes[index];
    if (change === undefined || change.pushedAt === undefined) return -1;
    pushOrder(change.repo);
    return positions[index] ?? -1;
  };

  return { changes, indexOf, indexOfSha, parentsOf, forEachParent, pushPosition, pushOrder };
}
