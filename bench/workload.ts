/**
 * The benchmark's workload: the seeded benchmark organisation at a scale, its events serialised into
 * request bodies before any clock starts, and the windows the metrics are asked for.
 */
import type { Organisation } from '../src/core/org/organisation.js';
import {
  benchPreset,
  type GeneratorOptions,
  generateEventBatches,
  generateOrganisation,
} from './generator/index.js';

const dayMs = 86_400_000;

/** The benchmark preset scaled: `scale` of its services, squads and tribes, always the full year. */
export function scaledPreset(scale: number): GeneratorOptions {
  return {
    ...benchPreset,
    services: Math.max(1, Math.round(benchPreset.services * scale)),
    squads: Math.max(1, Math.round((benchPreset.squads ?? 30) * scale)),
    tribes: Math.max(1, Math.round((benchPreset.tribes ?? 5) * scale)),
  };
}

export const benchOrganisation = (scale: number): Organisation => generateOrganisation(scaledPreset(scale));

/** The instant the benchmark server believes it is: the end of the generated history. */
export const benchNow = (): number => benchPreset.end;

export interface MetricsWindow {
  name: string;
  from: string;
  to: string;
}

/** The two windows measured: the whole year of history and the default 90 days. */
export function metricsWindows(): MetricsWindow[] {
  const to = benchPreset.end;
  const iso = (ms: number) => new Date(ms).toISOString();
  return [
    { name: 'year', from: iso(to - 365 * dayMs), to: iso(to) },
    { name: '90 days', from: iso(to - 90 * dayMs), to: iso(to) },
  ];
}

export interface Workload {
  scale: number;
  services: number;
  /** JSON bodies of POST /api/events, `{"events":[…]}`, in generation order. */
  bodies: string[];
  /** Events per body. */
  sizes: number[];
  events: { change: number; deployment: number; incident: number; total: number };
  bytes: number;
  generationMs: number;
}

/** Generates and serialises every batch (bounded by the generator, which ends with the history). */
export function buildWorkload(scale: number, batchSize: number): Workload {
  const started = performance.now();
  const preset = scaledPreset(scale);
  const organisation = generateOrganisation(preset);
  const events = { change: 0, deployment: 0, incident: 0, total: 0 };
  const bodies: string[] = [];
  const sizes: number[] = [];
  let bytes = 0;
  for (const batch of generateEventBatches(organisation, preset, batchSize)) {
    for (const event of batch) events[event.type] += 1;
    events.total += batch.length;
    const body = JSON.stringify({ events: batch });
    bytes += Buffer.byteLength(body);
    bodies.push(body);
    sizes.push(batch.length);
  }
  return {
    scale,
    services: preset.services,
    bodies,
    sizes,
    events,
    bytes,
    generationMs: performance.now() - started,
  };
}
