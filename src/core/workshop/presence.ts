/**
 * Presence: who is connected right now, where their cursor is on the path to production and which
 * step they have selected. It changes many times a second and means nothing tomorrow, so it lives
 * outside the checkpoint state: the server keeps a `PresenceMap` per room in memory, updates it from
 * `presence` messages, drops an entry when the last connection of a person closes, and broadcasts
 * `listPresence` on its own. It is never persisted, never versioned and never goes through `apply`.
 */
import type { CheckpointState } from './checkpointState.js';
import { findParticipant } from './listAnswerers.js';

/** A point on the flow canvas. */
export interface CanvasPoint {
  x: number;
  y: number;
}

/** One connected person's live presence. */
export interface Presence {
  participantId: string;
  cursor: CanvasPoint | null;
  selectedNodeId: string | null;
  /** ISO 8601 time of the last update. */
  seenAt: string;
}

/** Presence by participant id. */
export type PresenceMap = Readonly<Record<string, Presence>>;

/** A change of presence: fields left out stay as they were. */
export interface PresencePatch {
  cursor?: CanvasPoint | null | undefined;
  selectedNodeId?: string | null | undefined;
}

/** Presence as broadcast to the room, with the person's name. */
export interface PresenceView extends Presence {
  name: string;
}

/** The map with `participantId` marked connected and the patch applied. */
export function updatePresence(
  map: PresenceMap,
  participantId: string,
  patch: PresencePatch,
  at: string,
): PresenceMap {
  const current = Object.hasOwn(map, participantId) ? map[participantId] : undefined;
  return {
    ...map,
    [participantId]: {
      participantId,
      cursor: patch.cursor === undefined ? (current?.cursor ?? null) : patch.cursor,
      selectedNodeId:
        patch.selectedNodeId === undefined ? (current?.selectedNodeId ?? null) : patch.selectedNodeId,
      seenAt: at,
    },
  };
}

/** The map without `participantId` (their last connection closed). */
export function dropPresence(map: PresenceMap, participantId: string): PresenceMap {
  const { [participantId]: _dropped, ...rest } = map;
  return rest;
}

/**
 * Everyone connected who is still in the checkpoint, by name. A selection of a step that no longer
 * exists reads as none.
 */
export function listPresence(map: PresenceMap, state: CheckpointState): PresenceView[] {
  const nodeIds = new Set(state.flow.nodes.map((node) => node.id));
  return Object.values(map)
    .flatMap((presence) => {
      const participant = findParticipant(state, presence.participantId);
      if (participant?.status !== 'joined') return [];
      const selected = presence.selectedNodeId;
      return [
        {
          ...presence,
          selectedNodeId: selected !== null && nodeIds.has(selected) ? selected : null,
          name: participant.name,
        },
      ];
    })
    .sort((a, b) =>
      a.name === b.name ? (a.participantId < b.participantId ? -1 : 1) : a.name < b.name ? -1 : 1,
    );
}
