import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends } from '../../test/support/databases.js';
import { parseEvents } from '../contract/events.js';
import type { CanonicalEvent } from '../core/events.js';
import { countEvents, ingestEvents, recordDelivery } from './events.js';
import type { Db } from './openDb.js';
import { pruneDeliveries } from './retention.js';

const day = 86_400_000;
const now = new Date('2026-11-01T00:00:00Z');
const ago = (days: number) => new Date(now.getTime() - days * day);
const change = (sha: string): CanonicalEvent => {
  const parsed = parseEvents([
    { type: 'change', repo: 'acme/search', sha, committedAt: '2026-01-01T10:00:00Z' },
  ]);
  if (!parsed.ok || !parsed.events[0]) throw new Error(JSON.stringify(parsed));
  return parsed.events[0];
};

describe.each(backends)('pruning the record of deliveries on $name', (backend) => {
  let db: Db;
  beforeAll(async () => {
    db = await backend.open();
    // Accepted deliveries 400, 200 and 10 days old; refusals, duplicates and ignored ones 60 and 5 days old.
    for (const [index, days] of [400, 200, 10].entries()) {
      const delivery = {
        source: 'api',
        deliveryId: `d${index}`,
        eventType: 'events',
        receivedAt: ago(days),
        payload: { n: index },
      };
      await ingestEvents(db.kysely, delivery, [change(`sha${index}`)]);
    }
    for (const [index, days] of [60, 5].entries()) {
      const delivery = {
        source: 'github',
        deliveryId: `r${index}`,
        eventType: 'push',
        receivedAt: ago(days),
        payload: { r: index },
      };
      await recordDelivery(db.kysely, delivery, 'rejected', 'bad signature');
      await recordDelivery(db.kysely, delivery, 'ignored', null);
      await recordDelivery(db.kysely, { ...delivery, source: 'api' }, 'duplicate', null);
    }
  }, 180_000);
  afterAll(async () => {
    await db?.close();
  });

  const rows = () =>
    db.kysely.selectFrom('deliveries').select(['delivery_id', 'outcome', 'payload']).orderBy('id').execute();

  it('clears old payloads and old refusals in small batches, keeping every measured event', async () => {
    const before = await countEvents(db.kysely);
    const result = await pruneDeliveries(db.kysely, {
      payloadsBefore: ago(180),
      refusalsBefore: ago(30),
      batchSize: 1,
    });
    // Payloads: the accepted 400- and 200-day-old ones; deliveries: the rejected, ignored and duplicate 60 days old.
    expect(result).toEqual({ payloadsCleared: 2, deliveriesDeleted: 3 });
    const left = await rows();
    expect(left.map((row) => [row.delivery_id, row.outcome, row.payload !== null])).toEqual([
      ['d0', 'accepted', false],
      ['d1', 'accepted', false],
      ['d2', 'accepted', true],
      ['r1', 'rejected', false],
      ['r1', 'ignored', true],
      ['r1', 'duplicate', false],
    ]);
    expect(await countEvents(db.kysely)).toEqual(before);
  });

  it('still de-duplicates a redelivery whose payload was cleared', async () => {
    const redelivery = {
      source: 'api',
      deliveryId: 'd0',
      eventType: 'events',
      receivedAt: now,
      payload: { n: 0 },
    };
    expect(await ingestEvents(db.kysely, redelivery, [change('sha0')])).toEqual({ status: 'duplicate' });
  });

  it('does nothing the second time', async () => {
    expect(await pruneDeliveries(db.kysely, { payloadsBefore: ago(180), refusalsBefore: ago(30) })).toEqual({
      payloadsCleared: 0,
      deliveriesDeleted: 0,
    });
  });
});
