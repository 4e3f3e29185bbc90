/**
 * Test support: the webhook deliveries GitHub would have sent for the recorded history of
 * `acme/search` (fixtures/) while it happened, built from the same API objects: a `push` per commit
 * to main, `pull_request` closed for each merge, `deployment` and each `deployment_status`.
 * In time order; a merge's `pull_request` event comes before its `push` (GitHub sends both at once).
 */
import { readFileSync } from 'node:fs';
import { shas } from './backfillScenario.js';

/** A delivery: the `X-GitHub-Event`, the payload, and when it was sent (ISO). */
export interface WebhookDelivery {
  event: string;
  payload: Record<string, unknown>;
  at: string;
}

interface Signature {
  name: string;
  email: string;
  date: string;
}
interface CommitJson {
  sha: string;
  html_url: string;
  commit: { message: string; tree: { sha: string }; author: Signature; committer: Signature };
  author: { login: string };
  committer: { login: string };
  parents: { sha: string }[];
  files?: { filename: string; status: string; previous_filename?: string }[];
}
interface PullJson {
  number: number;
  merged_at: string | null;
  merge_commit_sha: string | null;
}
interface DeploymentJson {
  id: number;
  created_at: string;
}

const fixture = <T>(name: string): T =>
  JSON.parse(readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8')) as T;

const repository = fixture<{ owner: { login: string } }>('repository.json');
const sender = repository.owner;

function pushOf(commit: CommitJson): WebhookDelivery {
  const detailed = fixture<CommitJson>(`commit-${commit.sha.slice(0, 7)}.json`);
  const paths = { added: [] as string[], removed: [] as string[], modified: [] as string[] };
  for (const file of detailed.files ?? []) {
    if (file.status === 'added') paths.added.push(file.filename);
    else if (file.status === 'removed') paths.removed.push(file.filename);
    else if (file.status === 'renamed') {
      paths.added.push(file.filename);
      if (file.previous_filename) paths.removed.push(file.previous_filename);
    } else paths.modified.push(file.filename);
  }
  const person = (who: Signature, login: string) => ({ name: who.name, email: who.email, username: login });
  const pushed = {
    id: commit.sha,
    tree_id: commit.commit.tree.sha,
    distinct: true,
    message: commit.commit.message,
    timestamp: commit.commit.committer.date,
    url: commit.html_url,
    author: person(commit.commit.author, commit.author.login),
    committer: person(commit.commit.committer, commit.committer.login),
    ...paths,
  };
  const pushedAt = Date.parse(commit.commit.committer.date) + 60_000;
  const parent = commit.parents[0]?.sha ?? '0000000000000000000000000000000000000000';
  return {
    event: 'push',
    at: new Date(pushedAt).toISOString(),
    payload: {
      ref: 'refs/heads/main',
      before: parent,
      after: commit.sha,
      created: false,
      deleted: false,
      forced: false,
      base_ref: null,
      compare: `https://github.com/acme/search/compare/${parent.slice(0, 12)}...${commit.sha.slice(0, 12)}`,
      commits: [pushed],
      head_commit: pushed,
      repository: { ...repository, pushed_at: pushedAt / 1000 },
      pusher: { name: sender.login, email: null },
      organization: sender,
      sender,
    },
  };
}

function pullRequestOf(pull: PullJson): WebhookDelivery {
  return {
    event: 'pull_request',
    at: pull.merged_at ?? '',
    payload: {
      action: 'closed',
      number: pull.number,
      pull_request: { ...pull, merged: true, merged_by: sender, comments: 0, commits: 1, changed_files: 2 },
      repository,
      organization: sender,
      sender,
    },
  };
}

function deploymentOf(deployment: DeploymentJson): WebhookDelivery[] {
  // GitHub lists statuses newest first; they were sent oldest first.
  const statuses = fixture<{ created_at: string }[]>(`deployment-${deployment.id}-statuses.json`).reverse();
  const created = { action: 'created', deployment, repository, organization: sender, sender };
  return [
    { event: 'deployment', at: deployment.created_at, payload: created },
    ...statuses.map((status) => ({
      event: 'deployment_status',
      at: status.created_at,
      payload: { ...created, deployment_status: status },
    })),
  ];
}

/** Every delivery of the history inside the window, in the order GitHub sent them. */
export function equivalentWebhooks(): WebhookDelivery[] {
  const pages = <T>(names: string[]) => names.flatMap((name) => fixture<T[]>(name));
  const commits = pages<CommitJson>(['commits-page-1.json', 'commits-page-2.json', 'commits-page-3.json']);
  const pulls = pages<PullJson>(['pulls-page-1.json', 'pulls-page-2.json']);
  const deployments = pages<DeploymentJson>(['deployments-page-1.json', 'deployments-page-2.json']);
  const merges = new Set<string | null>(Object.values(shas));
  const deliveries = [
    ...pulls
      .filter((pull) => pull.merged_at !== null && merges.has(pull.merge_commit_sha))
      .map(pullRequestOf),
    ...commits.map(pushOf),
    ...deployments.flatMap(deploymentOf),
  ];
  // Stable: a merge's pull_request (listed first) stays ahead of its push.
  return deliveries.sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
}
