import { type Kysely, sql } from 'kysely';
import type { Database } from './schema.js';

export interface RetentionPolicy {
  /** Raw payloads of deliveries received before this are cleared (the rows stay: they de-duplicate redeliveries). */
  payloadsBefore: Date;
  /** Refused, duplicate and ignored deliveries received before this are deleted (they only feed source health). */
  refusalsBefore: Date;
  /** Rows touched per statement, so that no transaction runs long on a big table. */
  batchSize?: number;
}

export interface RetentionResult {
  payloadsCleared: number;
  deliveriesDeleted: number;
}

/**
 * Applies the retention policy to the record of deliveries. The measured events (changes, deployments,
 * incidents) are never touched: the figures, past quarters' included, stay exactly as they were.
 */
export async function pruneDeliveries(
  db: Kysely<Database>,
  policy: RetentionPolicy,
): Promise<RetentionResult> {
  const batch = policy.batchSize ?? 10_000;
  const repeat = async (statement: () => Promise<bigint | undefined>) => {
    let total = 0;
    for (;;) {
      const touched = Number((await statement()) ?? 0n);
      total += touched;
      if (touched < batch) return total;
    }
  };
  const payloadsCleared = await repeat(
    async () =>
      (
        await sql`update deliveries set payload = null where id in (
          select id from deliveries where payload is not null and received_at < ${policy.payloadsBefore}
          limit ${batch})`.execute(db)
      ).numAffectedRows,
  );
  const deliveriesDeleted = await repeat(
    async () =>
      (
        await sql`delete from deliveries where id in (
          select id from deliveries where outcome <> 'accepted' and received_at < ${policy.refusalsBefore}
          limit ${batch})`.execute(db)
      ).numAffectedRows,
  );
  return { payloadsCleared, deliveriesDeleted };
}
