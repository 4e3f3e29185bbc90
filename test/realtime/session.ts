/** Creating a checkpoint and joining it over real HTTP, as the facilitator's and participants' browsers do. */
import { CheckpointClient, type Seat } from './checkpointClient.js';

/** What POST /api/checkpoints answers. */
export interface CreatedCheckpoint {
  id: string;
  joinCode: string;
  joinUrl: string;
  facilitator: Seat;
}

async function post<T>(url: string, body: unknown): Promise<T> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  const answer = (await response.json()) as T;
  if (!response.ok) throw new Error(`POST ${url}: ${response.status} ${JSON.stringify(answer)}`);
  return answer;
}

/** Creates a checkpoint as the person at the machine (a loopback install lets them facilitate). */
export function createCheckpointOver(
  baseUrl: string,
  body: Record<string, unknown> = { squad: 'search', edition: '2019' },
): Promise<CreatedCheckpoint> {
  return post(`${baseUrl}/api/checkpoints`, body);
}

/** Joins by the link's code with a name only. */
export function joinOver(
  baseUrl: string,
  checkpoint: CreatedCheckpoint,
  name: string,
  role: 'participant' | 'viewer' = 'participant',
): Promise<Seat> {
  return post(`${baseUrl}/api/checkpoints/${checkpoint.id}/join`, { code: checkpoint.joinCode, name, role });
}

/**
 * A short workshop by the facilitator alone: two actions ("Deploy on merge" for Ann, due 2026-04-01,
 * and "Add a smoke test" for Bob), a survey answer (4 and 5), then complete. Returns the actions' ids.
 */
export async function runShortWorkshop(
  baseUrl: string,
  checkpoint: Pick<CreatedCheckpoint, 'id' | 'facilitator'>,
) {
  const fac = await CheckpointClient.join(baseUrl, checkpoint.id, checkpoint.facilitator);
  await fac.must({ type: 'setPhase', phase: 'actions' });
  const first = await fac.must({
    type: 'addAction',
    title: 'Deploy on merge',
    owner: 'Ann',
    due: '2026-04-01',
  });
  const second = await fac.must({ type: 'addAction', title: 'Add a smoke test', owner: 'Bob' });
  await fac.must({ type: 'setPhase', phase: 'survey' });
  await fac.must({ type: 'submitSurvey', answers: { worthTime: 4, spokeFreely: 5 } });
  await fac.must({ type: 'complete' });
  await fac.close();
  return [first.createdId as string, second.createdId as string];
}
