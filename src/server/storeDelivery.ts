import type { CanonicalEvent } from '../core/events.js';
import { type DeliveryRecord, type IngestOutcome, ingestEvents } from '../store/events.js';
import type { AppContext } from './context.js';

/** Stores a delivery's events (one transaction, before any answer) and tells the live streams. */
export async function storeDelivery(
  context: AppContext,
  delivery: DeliveryRecord,
  events: readonly CanonicalEvent[],
): Promise<IngestOutcome> {
  const outcome = await ingestEvents(context.db.kysely, delivery, events);
  if (outcome.status === 'accepted') {
    context.live.publish({
      kind: 'events',
      stored: outcome.stored,
      source: delivery.source,
      at: delivery.receivedAt.toISOString(),
    });
  }
  return outcome;
}
