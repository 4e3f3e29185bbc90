/**
 * The live workshop on the server: rooms that hold a checkpoint in memory while people are connected
 * (one command at a time, logged before anyone hears of it, then each person sent their own view),
 * the socket protocol's hello, fan-out between instances, and what the HTTP routes need around it:
 * starting a checkpoint with the squad's measured keys, its history line, and the PDF summary.
 *
 * Who is who on a socket: everyone, the facilitator included, is a participant with an id and a key
 * handed out once (at creation for the facilitator, on joining by link for the others); the first
 * message of a socket is `{v: 1, type: 'hello', participantId, key}`. Facilitator controls follow the
 * checkpoint's facilitator id, which the core checks on every command.
 */
export type { CheckpointStatus, HistoryEntry } from './checkpointHistory.js';
export { historyEntry, statusOf } from './checkpointHistory.js';
export type { RoomConnection, SubmitResult } from './checkpointRoom.js';
export { CheckpointRoom, removedCloseCode } from './checkpointRoom.js';
export { CheckpointRooms, defaultRoomTuning } from './checkpointRooms.js';
export type { SocketDeps, SocketHello } from './checkpointSocket.js';
export { serveCheckpointSocket, socketCloseCodes, socketHelloSchema } from './checkpointSocket.js';
export type { JoinOutcome } from './joinCheckpoint.js';
export { joinCheckpoint } from './joinCheckpoint.js';
export { isSameSecret, newSecret } from './secrets.js';
export type { StartCheckpointInput, StartedCheckpoint } from './startCheckpoint.js';
export { firstWindowDays, startCheckpoint } from './startCheckpoint.js';
export { summaryPdf } from './summaryPdf.js';
export type { Workshop } from './workshop.js';
export { startWorkshop } from './workshop.js';
