import type { Migration } from 'kysely';
import * as initial from './0001_initial.js';
import * as backfillCursors from './0002_backfill_cursors.js';
import * as checkpoints from './0003_checkpoints.js';
import * as serviceFacts from './0004_service_facts.js';
import * as binaryFacts from './0005_binary_facts.js';
import * as keptHistory from './0006_kept_history.js';

/** Every migration in order; a new one is appended, landed ones are never edited. */
export const migrations: Record<string, Migration> = {
  '0001_initial': initial,
  '0002_backfill_cursors': backfillCursors,
  '0003_checkpoints': checkpoints,
  '0004_service_facts': serviceFacts,
  '0005_binary_facts': binaryFacts,
  '0006_kept_history': keptHistory,
};
