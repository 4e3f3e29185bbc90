import type { ChangeCatalog } from './changeCatalog.js';
import type { CarryRule, LogicalDeployment } from './deliveryModel.js';
import type { MeasuredService } from './measureConfig.js';

/** Receives what one logical deployment carries: the rule that applied and catalog indices of its changes. */
export type CarryVisitor = (deployment: number, rule: CarryRule, changes: readonly number[]) => void;

function normalisePath(path: string | undefined): string | null {
  if (path === undefined) return null;
  const trimmed = path.replace(/^\.?\/+/, '').replace(/\/+$/, '');
  return trimmed === '' || trimmed === '.' ? null : trimmed;
}

function touches(files: readonly string[] | undefined, path: string | null): boolean {
  if (path === null || files === undefined) return true;
  return files.some((file) => {
    const f = file.replace(/^\.?\/+/, '');
    return f === path || f.startsWith(`${path}/`);
  });
}

/**
 * Which changes each logical deployment carries (metrics contract §3), service by service in logical
 * order; `deployments[i].history` marks those finished before their service's `onboardedAt`. Calls
 * `carry` once per deployment and returns, per service, how many listed `commits` name no known change.
 *
 * Per service the engine keeps what earlier deployments reached (ancestors of their shas, walked once
 * and never again) and what they carried, so each change is visited once per service:
 * - history deployments carry nothing but mark what is deployed; the first measured deployment carries
 *   only its explicit `commits`; a redeploy of a sha (or version) the service deployed before carries
 *   nothing;
 * - rule 1: `commits` are the candidates; rule 2, when the deployed sha's change has `parents`: its
 *   ancestors not reached by any earlier deployment of the service; rule 3, when it has `pushedAt`:
 *   the repository's changes in push order after the furthest position an earlier deployment reached,
 *   up to the deployed sha, on the deployed change's branch (changes without a branch are taken);
 * - a monorepo service takes only candidates touching a file under its path (no file list: taken);
 * - first arrival wins: a change already carried by the service is never carried again (rules 2 and 3
 *   also skip what an earlier deployment already reached).
 *
 * Decisions where the contract is silent: "not ancestors of P" is read as "not reached by any earlier
 * deployment", and "after P's sha" as "after the furthest push position deployed", which differ only
 * after a rollback and keep a rollback's successor from carrying again what was already deployed;
 * rule 3 carries nothing while no earlier deployment has a push position (the range has no start); a
 * service without a known repository uses rule 1 only, finding each listed sha in any repository;
 * first arrival wins per service, so one change deployed by two services counts once for each.
 */
export function carryChanges(
  deployments: readonly LogicalDeployment[],
  catalog: ChangeCatalog,
  services: ReadonlyMap<string, MeasuredService>,
  carry: CarryVisitor,
): Map<string, number> {
  const { changes } = catalog;
  const reached = new Int32Array(changes.length);
  const carried = new Int32Array(changes.length);
  let stamp = 0;
  const unknownCommits = new Map<string, number>();
  const byService = new Map<string, number[]>();
  deployments.forEach((deployment, index) => {
    const list = byService.get(deployment.service);
    if (list === undefined) byService.set(deployment.service, [index]);
    else list.push(index);
  });

  /** Marks the ancestors of `start` (itself included) not reached yet; returns them when `collect`. */
  const walk = (start: number, collect: boolean): number[] => {
    const found: number[] = [];
    if (start < 0 || reached[start] === stamp) return found;
    reached[start] = stamp;
    const stack = [start];
    const visit = (parent: number): void => {
      if (reached[parent] === stamp) return;
      reached[parent] = stamp;
      stack.push(parent);
    };
    for (let next = stack.pop(); next !== undefined; next = stack.pop()) {
      if (collect) found.push(next);
      catalog.forEachParent(next, visit);
    }
    return found;
  };

  for (const [service, list] of byService) {
    stamp += 1;
    const declared = services.get(service);
    const repo = declared?.repo ?? null;
    const path = normalisePath(declared?.path);
    const deployedKeys = new Set<string>();
    const heads: number[] = [];
    let highWater: number | null = null;
    let measuredBefore = false;

    const explicit = (commits: readonly string[] | null): number[] => {
      const found = new Set<number>();
      for (const sha of commits ?? []) {
        const index = repo === null ? catalog.indexOfSha(sha) : catalog.indexOf(repo, sha);
        if (index < 0) unknownCommits.set(service, (unknownCommits.get(service) ?? 0) + 1);
        else found.add(index);
      }
      return [...found];
    };
    const furthestDeployed = (): number => {
      if (highWater === null) {
        highWater = -1;
        for (const h of heads) highWater = Math.max(highWater, catalog.pushPosition(h));
      }
      return highWater;
    };
    const pushRange = (head: number): number[] => {
      const from = furthestDeployed();
      const to = catalog.pushPosition(head);
      const branch = changes[head]?.branch;
      const order = catalog.pushOrder(changes[head]?.repo ?? '');
      const found: number[] = [];
      if (from < 0) return found;
      for (let position = from + 1; position <= to; position++) {
        const index = order[position] ?? -1;
        const candidate = changes[index];
        if (candidate === undefined || reached[index] === stamp) continue;
        if (branch === undefined || candidate.branch === undefined || candidate.branch === branch) {
          found.push(index);
        }
      }
      return found;
    };

    for (const index of list) {
      const deployment = deployments[index] as LogicalDeployment;
      const head = repo !== null && deployment.sha !== null ? catalog.indexOf(repo, deployment.sha) : -1;
      let rule: CarryRule;
      let candidates: number[] = [];
      if (deployment.history) {
        rule = 'history';
        for (const c of explicit(deployment.commits)) carried[c] = stamp;
      } else if (deployedKeys.has(deployment.key)) rule = 'redeploy';
      else if (!measuredBefore) {
        rule = 'first';
        candidates = explicit(deployment.commits);
      } else if (deployment.commits !== null) {
        rule = 'commits';
        candidates = explicit(deployment.commits);
      } else if (head >= 0 && changes[head]?.parents !== undefined) {
        rule = 'ancestry';
        candidates = walk(head, true);
      } else if (head >= 0 && catalog.pushPosition(head) >= 0) {
        rule = 'push-order';
        candidates = pushRange(head);
      } else rule = 'unknown';
      if (rule !== 'history') measuredBefore = true;

      const taken: number[] = [];
      for (const c of candidates) {
        if (carried[c] === stamp || !touches(changes[c]?.files, path)) continue;
        carried[c] = stamp;
        taken.push(c);
      }
      carry(index, rule, taken);

      walk(head, false);
      if (head >= 0) {
        heads.push(head);
        if (highWater !== null) highWater = Math.max(highWater, catalog.pushPosition(head));
      }
      deployedKeys.add(deployment.key);
    }
  }
  return unknownCommits;
}
