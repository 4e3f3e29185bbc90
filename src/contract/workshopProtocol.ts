/**
 * The live checkpoint's WebSocket protocol, version 1. The browser sends `command` and `presence`
 * messages; the server answers each command with `ack` or `error` and broadcasts `state` (the
 * sender's `viewFor`, never the raw state) and `presence`. Commands on the wire carry neither the
 * actor, the time nor the ids of new things: the server stamps them (`stampCommand`) from the
 * connection, its clock and its id generator, so a client cannot speak for someone else.
 */
import { z } from 'zod';
import { capabilitySlugs } from '../core/assessment/index.js';
import {
  actionStatuses,
  type CheckpointCommand,
  type CheckpointView,
  maxCoordinate,
  maxTimerSeconds,
  maxVotesPerPerson,
  maxWaitMinutes,
  type PresenceView,
  phaseIds,
  surveyTextMaxLength,
  textLimits,
  workshopErrorCodes,
} from '../core/workshop/index.js';
import { stringifySharing } from './sharedJson.js';

/** The version of this protocol; a message of another version is refused. */
export const protocolVersion = 1;

const id = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9_.:-]{0,63}$/, 'must be an id of 1–64 letters, digits or _ . : -');
const text = (max: number) =>
  z.string().trim().min(1, 'must not be empty').max(max, `must be at most ${max} characters`);
const coordinate = z.number().finite().min(-maxCoordinate).max(maxCoordinate);
const empty = <T extends string>(type: T) => z.strictObject({ type: z.literal(type) });
const automation = z.enum(['manual', 'automated']);
const lane = z.enum(['delivery', 'recovery']);
const noteKind = z.enum(['failedDeployment', 'improvement']);
const capability = z.enum(capabilitySlugs);
const status = z.enum(actionStatuses);
const due = z.iso.date().nullable().optional();
const waitMinutes = z.number().min(0).max(maxWaitMinutes).nullable().optional();

/** Every command a browser may send, without actor, time or new ids. */
export const clientCommandSchema = z.discriminatedUnion('type', [
  z.strictObject({
    type: z.literal('join'),
    name: text(textLimits.name),
    role: z.enum(['participant', 'viewer']),
  }),
  empty('leave'),
  z.strictObject({ type: z.literal('removeParticipant'), participantId: id }),
  z.strictObject({ type: z.literal('handOverFacilitator'), participantId: id }),
  z.strictObject({ type: z.literal('setPhase'), phase: z.enum(phaseIds) }),
  empty('advance'),
  empty('goBack'),
  z.strictObject({ type: z.literal('pause'), resumePhase: z.enum(phaseIds).optional() }),
  empty('resume'),
  z.strictObject({
    type: z.literal('startTimer'),
    durationSeconds: z.number().int().min(1).max(maxTimerSeconds),
  }),
  empty('stopTimer'),
  empty('complete'),
  z.strictObject({ type: z.literal('addPrinciple'), text: text(textLimits.principle) }),
  z.strictObject({ type: z.literal('updatePrinciple'), principleId: id, text: text(textLimits.principle) }),
  z.strictObject({ type: z.literal('removePrinciple'), principleId: id }),
  empty('raiseHand'),
  empty('lowerHand'),
  z.strictObject({ type: z.literal('setPreviousActionStatus'), actionId: id, status }),
  z.strictObject({
    type: z.literal('answerQuestion'),
    questionKey: z.string().max(40),
    value: z.number().finite(),
  }),
  z.strictObject({ type: z.literal('revealQuestion'), questionKey: z.string().max(40) }),
  z.strictObject({ type: z.literal('resetQuestion'), questionKey: z.string().max(40) }),
  z.strictObject({
    type: z.literal('agreeAnswer'),
    questionKey: z.string().max(40),
    value: z.number().finite().nullable(),
  }),
  z.strictObject({
    type: z.literal('answerStatement'),
    statementId: z.string().max(80),
    value: z.number().int().min(1).max(5),
  }),
  z.strictObject({ type: z.literal('revealStatement'), statementId: z.string().max(80) }),
  z.strictObject({ type: z.literal('addCapability'), capability }),
  z.strictObject({ type: z.literal('removeCapability'), capability }),
  z.strictObject({
    type: z.literal('addNode'),
    label: text(textLimits.label),
    automation,
    lane,
    waitMinutes,
    x: coordinate,
    y: coordinate,
  }),
  z.strictObject({ type: z.literal('moveNode'), nodeId: id, x: coordinate, y: coordinate }),
  z.strictObject({
    type: z.literal('updateNode'),
    nodeId: id,
    label: text(textLimits.label).optional(),
    automation: automation.optional(),
    lane: lane.optional(),
    waitMinutes,
  }),
  z.strictObject({ type: z.literal('removeNode'), nodeId: id }),
  z.strictObject({ type: z.literal('addEdge'), from: id, to: id }),
  z.strictObject({ type: z.literal('removeEdge'), edgeId: id }),
  z.strictObject({ type: z.literal('addNote'), nodeId: id, kind: noteKind, text: text(textLimits.note) }),
  z.strictObject({
    type: z.literal('updateNote'),
    noteId: id,
    nodeId: id.optional(),
    kind: noteKind.optional(),
    text: text(textLimits.note).optional(),
  }),
  z.strictObject({ type: z.literal('removeNote'), noteId: id }),
  z.strictObject({
    type: z.literal('setVotesPerPerson'),
    votes: z.number().int().min(1).max(maxVotesPerPerson),
  }),
  z.strictObject({ type: z.literal('castVote'), noteId: id }),
  z.strictObject({ type: z.literal('retractVote'), noteId: id }),
  empty('revealVotes'),
  z.strictObject({
    type: z.literal('addAction'),
    title: text(textLimits.actionTitle),
    owner: text(textLimits.name),
    due,
    capability: capability.nullable().optional(),
    noteId: id.nullable().optional(),
  }),
  z.strictObject({
    type: z.literal('updateAction'),
    actionId: id,
    title: text(textLimits.actionTitle).optional(),
    owner: text(textLimits.name).optional(),
    due,
    capability: capability.nullable().optional(),
    noteId: id.nullable().optional(),
    status: status.optional(),
  }),
  z.strictObject({ type: z.literal('removeAction'), actionId: id }),
  z.strictObject({
    type: z.literal('submitSurvey'),
    answers: z.record(
      z.string().max(40),
      z.union([z.number().int().min(1).max(5), z.string().max(surveyTextMaxLength)]),
    ),
  }),
]);

/** A command as the browser sends it. */
export type ClientCommand = z.output<typeof clientCommandSchema>;

const commandId = z.string().min(1).max(64);
const point = z.strictObject({ x: coordinate, y: coordinate });

/** Everything a browser may send. */
export const clientMessageSchema = z.discriminatedUnion('type', [
  z.strictObject({
    v: z.literal(protocolVersion),
    type: z.literal('command'),
    commandId,
    command: clientCommandSchema,
  }),
  z.strictObject({
    v: z.literal(protocolVersion),
    type: z.literal('presence'),
    cursor: point.nullable().optional(),
    selectedNodeId: id.nullable().optional(),
  }),
]);

/** A message from the browser. */
export type ClientMessage = z.output<typeof clientMessageSchema>;

/** Codes of problems with a message itself, before any command is applied. */
export const protocolErrorCodes = ['invalid-message', 'unsupported-version'] as const;

/** Everything the server sends. */
export const serverMessageSchema = z.discriminatedUnion('type', [
  z.strictObject({
    v: z.literal(protocolVersion),
    type: z.literal('state'),
    version: z.number().int().min(0),
    view: z.custom<CheckpointView>((value) => typeof value === 'object' && value !== null, 'must be a view'),
  }),
  z.strictObject({
    v: z.literal(protocolVersion),
    type: z.literal('ack'),
    commandId,
    version: z.number().int().min(0),
    createdId: id.nullable(),
  }),
  z.strictObject({
    v: z.literal(protocolVersion),
    type: z.literal('error'),
    commandId: commandId.nullable(),
    code: z.enum([...workshopErrorCodes, ...protocolErrorCodes]),
    message: z.string(),
  }),
  z.strictObject({
    v: z.literal(protocolVersion),
    type: z.literal('presence'),
    present: z.array(z.custom<PresenceView>((value) => typeof value === 'object' && value !== null)),
  }),
]);

/** A message from the server. */
export type ServerMessage = z.output<typeof serverMessageSchema>;

/** A message read from the wire, or an `error` message to send back. */
export type ReadClientMessage =
  | { ok: true; message: ClientMessage }
  | { ok: false; error: Extract<ServerMessage, { type: 'error' }> };

function commandIdOf(data: unknown): string | null {
  const value = (data as { commandId?: unknown } | null)?.commandId;
  return typeof value === 'string' && value.length > 0 && value.length <= 64 ? value : null;
}

/**
 * Reads one inbound message (the raw text or its parsed JSON). On failure it returns the `error`
 * message to send back, naming the field and the problem (`command.value: …`).
 */
export function readClientMessage(raw: unknown): ReadClientMessage {
  let data: unknown = raw;
  if (typeof raw === 'string') {
    try {
      data = JSON.parse(raw);
    } catch {
      data = undefined;
    }
  }
  const fail = (code: (typeof protocolErrorCodes)[number], message: string): ReadClientMessage => ({
    ok: false,
    error: { v: protocolVersion, type: 'error', commandId: commandIdOf(data), code, message },
  });
  const version = (data as { v?: unknown } | null)?.v;
  if (typeof data !== 'object' || data === null)
    return fail('invalid-message', 'message must be a JSON object');
  if (version !== protocolVersion) {
    return fail(
      'unsupported-version',
      `v must be ${protocolVersion}; reload the page to get the current app`,
    );
  }
  const parsed = clientMessageSchema.safeParse(data);
  if (parsed.success) return { ok: true, message: parsed.data };
  const message = parsed.error.issues
    .map((issue) => `${issue.path.join('.') || 'message'}: ${issue.message}`)
    .join('; ');
  return fail('invalid-message', message);
}

/** The field each creating command takes its new id in. */
const newIdField = {
  addPrinciple: 'principleId',
  addNode: 'nodeId',
  addEdge: 'edgeId',
  addNote: 'noteId',
  addAction: 'actionId',
} as const;

/** What the server adds to a command from the browser. */
export interface CommandStamp {
  /** The participant of the connection. */
  actorId: string;
  /** The server's clock, ISO 8601. */
  at: string;
  /** Makes a new id; called only for commands that create something. */
  newId: () => string;
}

/** The core command for a browser's command, and the id it creates (to return in the `ack`). */
export function stampCommand(
  command: ClientCommand,
  stamp: CommandStamp,
): { command: CheckpointCommand; createdId: string | null } {
  const field = Object.hasOwn(newIdField, command.type)
    ? newIdField[command.type as keyof typeof newIdField]
    : undefined;
  const createdId = field === undefined ? null : stamp.newId();
  const stamped = {
    ...command,
    actorId: stamp.actorId,
    at: stamp.at,
    ...(field === undefined ? {} : { [field]: createdId }),
  };
  return { command: stamped as CheckpointCommand, createdId };
}

/** Builds the `state` message of a view. */
export function stateMessage(view: CheckpointView): ServerMessage {
  return { v: protocolVersion, type: 'state', version: view.version, view };
}

/**
 * The `state` messages of one broadcast as text, by participant id: the views of `viewsFor` share
 * what everyone sees, so that part is serialised once, not once per person.
 */
export function stateMessageTexts(views: ReadonlyMap<string, CheckpointView>): Map<string, string> {
  const ids = [...views.keys()];
  // Walked down to the lists of the view's sections (message → view → section → list), where a
  // person's own answers and votes make a list their own; below that, objects are serialised whole.
  const texts = stringifySharing(
    ids.map((id) => stateMessage(views.get(id) as CheckpointView)),
    3,
  );
  return new Map(ids.map((id, index) => [id, texts[index] as string]));
}
