/**
 * The checkpoint routes of the API as the pages use them: a squad's history and actions, creating a
 * checkpoint, the invitation and joining by link, the facilitator's key, and the shareable summary.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CapabilitySlug, EditionId } from '../../../../src/core/assessment/index.js';
import type {
  ActionStatus,
  CheckpointSummary,
  FocusCapability,
  Maturity,
  PhaseId,
} from '../../../../src/core/workshop/index.js';
import { getJson, queryString, sendJson } from '../../lib/api.js';
import type { SessionResponse } from '../../lib/apiTypes.js';
import { type CheckpointSeat, saveSeat } from './checkpointSeat.js';

export type CheckpointStatus = 'live' | 'paused' | 'completed';

/** One line of a squad's history (GET /api/checkpoints?squad=). */
export interface HistoryEntry {
  id: string;
  title: string | null;
  squad: string;
  tribe: string;
  edition: EditionId;
  createdAt: string;
  completedAt: string | null;
  date: string;
  facilitator: string | null;
  phase: PhaseId;
  status: CheckpointStatus;
  participants: number;
  maturity: Maturity | null;
  focus: FocusCapability[];
  actions: { done: number; total: number };
  survey: { responses: number; mean: number | null };
}

/** An action tracked to done (GET /api/actions). */
export interface TrackedAction {
  id: string;
  checkpointId: string;
  squad: string;
  tribe: string;
  title: string;
  owner: string;
  due: string | null;
  capability: CapabilitySlug | null;
  status: ActionStatus;
  createdAt: string;
  updatedAt: string;
}

/** A checkpoint as GET /api/checkpoints/:id gives it. */
export interface CheckpointRecord {
  id: string;
  squad: string;
  tribe: string;
  title: string | null;
  edition: EditionId;
  createdAt: string;
  phase: PhaseId;
  status: CheckpointStatus;
  facilitator: string | null;
  participants: number;
  /** Only for those who may facilitate the squad. */
  joinUrl: string | null;
}

/** What the join page shows before a name is typed. */
export interface Invitation {
  id: string;
  squad: string;
  tribe: string;
  title: string | null;
  phase: PhaseId;
  status: CheckpointStatus;
}

const checkpointsPath = (id: string) => `/api/checkpoints/${encodeURIComponent(id)}`;

/** Where the Markdown and PDF exports of a summary are. */
export const exportPaths = (id: string) => ({
  markdown: `${checkpointsPath(id)}/summary.md`,
  pdf: `${checkpointsPath(id)}/summary.pdf`,
});

export function useCheckpointHistory(squad: string) {
  return useQuery({
    queryKey: ['checkpoints', squad],
    queryFn: ({ signal }) =>
      getJson<{ squad: string; checkpoints: HistoryEntry[] }>(
        `/api/checkpoints${queryString({ squad })}`,
        signal,
      ),
  });
}

export function useSquadActions(squad: string) {
  return useQuery({
    queryKey: ['actions', squad],
    queryFn: ({ signal }) =>
      getJson<{ actions: TrackedAction[] }>(`/api/actions${queryString({ squad })}`, signal),
  });
}

/** Changes the status of a tracked action, then reads the squad's actions and history again. */
export function useSetActionStatus(squad: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, status }: { id: string; status: ActionStatus }) =>
      sendJson<TrackedAction>('PATCH', `/api/actions/${encodeURIComponent(id)}`, { status }),
    onSettled: () =>
      Promise.all([
        client.invalidateQueries({ queryKey: ['actions', squad] }),
        client.invalidateQueries({ queryKey: ['checkpoints', squad] }),
      ]),
  });
}

export function useCheckpointSummary(id: string | null) {
  return useQuery({
    queryKey: ['checkpoint-summary', id],
    queryFn: ({ signal }) => getJson<CheckpointSummary>(`${checkpointsPath(id ?? '')}/summary`, signal),
    enabled: id !== null,
  });
}

export function useCheckpointRecord(id: string, enabled = true) {
  return useQuery({
    queryKey: ['checkpoint', id],
    queryFn: ({ signal }) => getJson<CheckpointRecord>(checkpointsPath(id), signal),
    enabled,
    retry: false,
  });
}

/** Starts a checkpoint; the facilitator's seat is kept in this browser. */
export async function startCheckpoint(input: {
  squad: string;
  edition: EditionId;
  facilitatorName: string;
}): Promise<string> {
  const created = await sendJson<{ id: string; facilitator: CheckpointSeat }>(
    'POST',
    '/api/checkpoints',
    input,
  );
  saveSeat(created.id, created.facilitator);
  return created.id;
}

export function getInvitation(id: string, code: string): Promise<Invitation> {
  return sendJson<Invitation>('POST', `${checkpointsPath(id)}/invitation`, { code });
}

/** Joins by the link's code with a name only, and keeps the seat in this browser. */
export async function joinByLink(
  id: string,
  input: { code: string; name: string; role: 'participant' | 'viewer' },
): Promise<void> {
  const joined = await sendJson<CheckpointSeat>('POST', `${checkpointsPath(id)}/join`, input);
  saveSeat(id, { participantId: joined.participantId, participantKey: joined.participantKey });
}

/** Takes the facilitator's seat on this device (a new key replaces the old one). */
export async function claimFacilitatorSeat(id: string): Promise<void> {
  const seat = await sendJson<CheckpointSeat>('POST', `${checkpointsPath(id)}/facilitator-key`);
  saveSeat(id, seat);
}

type SessionPrincipal = SessionResponse['principal'];

/** Mirrors the server's scopes: admins, and users without scopes, act for every squad. */
function isInScope(principal: SessionPrincipal, squad: string, tribe: string): boolean {
  if (principal.kind === 'local') return true;
  if (principal.kind === 'token') return principal.scope === 'admin';
  if (principal.kind !== 'user') return false;
  const scopes = principal.scopes ?? [];
  return (
    principal.role === 'admin' || scopes.length === 0 || scopes.includes(squad) || scopes.includes(tribe)
  );
}

/** Whether the principal may start and facilitate checkpoints of a squad (the server decides in the end). */
export function mayFacilitate(session: SessionResponse | undefined, squad: string, tribe: string): boolean {
  const principal = session?.principal;
  if (principal === undefined || !isInScope(principal, squad, tribe)) return false;
  return principal.kind !== 'user' || principal.role === 'admin' || principal.role === 'facilitator';
}

/** Whether the principal may change the status of a squad's actions (facilitators and its members). */
export function mayTrackActions(session: SessionResponse | undefined, squad: string, tribe: string): boolean {
  const principal = session?.principal;
  if (principal === undefined || !isInScope(principal, squad, tribe)) return false;
  return principal.kind !== 'user' || principal.role !== 'viewer';
}
