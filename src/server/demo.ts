import type { GeneratorOptions } from '../../bench/generator/generateOrganisation.js';
import { generateEvents, generateOrganisation } from '../../bench/generator/index.js';
import { demoPreset } from '../../bench/generator/presets.js';
import { parseEvents } from '../contract/events.js';
import type { Organisation } from '../core/org/organisation.js';
import { ingestEvents, lastArrival } from '../store/events.js';
import type { Db } from '../store/openDb.js';
import { latestOrganisation } from '../store/organisation.js';

const batchSize = 5_000;

/**
 * The demo organisation: generated once, on first start, as six months of delivery history ending
 * now (from the seeded generator the benchmarks use), then read back from its own database. Another
 * preset (the benchmarks' 200 services) generates a bigger demo the same way.
 */
export async function prepareDemo(
  db: Db,
  now: number,
  preset: GeneratorOptions = demoPreset,
): Promise<Organisation> {
  const stored = await latestOrganisation(db.kysely);
  if (stored?.demo && (await lastArrival(db.kysely)) > 0) return stored;

  const options = { ...preset, end: now };
  const organisation = { ...generateOrganisation(options), demo: true };
  let batch: unknown[] = [];
  let number = 0;
  const flush = async () => {
    if (batch.length === 0) return;
    const parsed = parseEvents(batch);
    if (!parsed.ok)
      throw new Error(`the demo generator made an invalid event: ${JSON.stringify(parsed.problems[0])}`);
    number += 1;
    await ingestEvents(
      db.kysely,
      {
        source: 'demo',
        deliveryId: `demo-${now}-${number}`,
        eventType: 'events',
        receivedAt: new Date(now),
        payload: null,
      },
      parsed.events,
    );
    batch = [];
  };
  for (const event of generateEvents(organisation, options)) {
    batch.push(event);
    if (batch.length >= batchSize) await flush();
  }
  await flush();
  return organisation;
}
