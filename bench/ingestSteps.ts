/**
 * Runs inside the server process: times the CPU steps POST /api/events takes per batch before the
 * store (body parse, validation, the delivery digest, the batch merge), with the product's functions,
 * on the first batches of the workload, so the rest of a batch's time can be put on the store.
 */
import { createHash } from 'node:crypto';
import { parseEvents } from '../src/contract/events.js';
import { eventsFromBody } from '../src/server/routes/eventRoutes.js';
import { mergeBatch } from '../src/store/events.js';
import { generateEventBatches } from './generator/index.js';
import type { IngestStepsRequest, IngestStepsResult } from './protocol.js';
import { median, timed } from './stats.js';
import { benchOrganisation, scaledPreset } from './workload.js';

export async function ingestSteps(scale: number, request: IngestStepsRequest): Promise<IngestStepsResult> {
  const steps = {
    parseJsonMs: [] as number[],
    validateMs: [] as number[],
    digestMs: [] as number[],
    mergeMs: [] as number[],
  };
  let taken = 0;
  for (const batch of generateEventBatches(
    benchOrganisation(scale),
    scaledPreset(scale),
    request.batchSize,
  )) {
    if (taken++ >= request.batches) break;
    const body = JSON.stringify({ events: batch });
    const parsedJson = await timed(() => JSON.parse(body) as unknown);
    const read = eventsFromBody(parsedJson.value);
    if ('problem' in read) throw new Error(`the bench batch is not a batch: ${read.problem.message}`);
    const validated = await timed(() => parseEvents(read.events));
    if (!validated.value.ok) throw new Error('the bench batch does not validate');
    const digest = await timed(() => createHash('sha256').update(JSON.stringify(read.events)).digest('hex'));
    const events = validated.value.events;
    const merged = await timed(() => mergeBatch(events));
    steps.parseJsonMs.push(parsedJson.ms);
    steps.validateMs.push(validated.ms);
    steps.digestMs.push(digest.ms);
    steps.mergeMs.push(merged.ms);
  }
  return {
    batches: steps.parseJsonMs.length,
    parseJsonMs: median(steps.parseJsonMs),
    validateMs: median(steps.validateMs),
    digestMs: median(steps.digestMs),
    mergeMs: median(steps.mergeMs),
  };
}
