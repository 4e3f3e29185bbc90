/**
 * Ids and secrets of the live checkpoint. Ids are random so that nothing can be learnt or guessed
 * from them (a participant id never reveals the order people joined in); join codes and keys carry
 * 256 random bits and are compared in constant time.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

const random = (bytes: number) => randomBytes(bytes).toString('base64url');

/** A new checkpoint id. */
export const newCheckpointId = (): string => `c${random(12)}`;

/** A new participant id (the protocol's id pattern: a letter first). */
export const newParticipantId = (): string => `p${random(12)}`;

/** A new id for something created in a checkpoint (a step, a note, an action…). */
export const newItemId = (): string => `i${random(9)}`;

/** A new join code or participant key. */
export const newSecret = (): string => random(32);

const digest = (value: string) => createHash('sha256').update(value).digest();

/** Whether two secrets are equal, in time that does not depend on where they differ. */
export const isSameSecret = (a: string, b: string): boolean => timingSafeEqual(digest(a), digest(b));
